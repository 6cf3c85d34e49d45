//! The explorer's binding: a second WebAssembly module with what only some visits use, loaded by
//! the training worker the first time it is needed: reading and writing vector files, exploring
//! imported vectors, and the projections beyond PCA (t-SNE, custom axes).
//!
//! Reading and writing decimals (`str::parse::<f32>`, `f32::to_string`) with their tables, the
//! text and binary readers and their messages weigh about 25 KB gzipped: in the module every
//! visitor downloads they would break its 100 KB budget. So this module is the same crate built
//! with the `explore` feature (without `src/bindings/wasm.rs`, the trainer). Words and vectors travel
//! between the two as a newline-separated string and a `Float32Array`: a trained model's go to
//! [`write_vector_file`], [`TsneLayout`] and [`custom_axes`]; an imported file stays here as a
//! [`VectorFile`], which answers what the page asks of any vectors (the picture, neighbours,
//! similarities, analogies) with the same core code as a model in training.
//!
//! Formats and their guarantees are [`crate::formats`]': word2vec text (shortest round-trip
//! decimals) and binary (raw little-endian f32) give back the same bits when read; GloVe (no
//! header) and fastText `.vec` are read as text.

use wasm_bindgen::prelude::*;

use super::wasm_shared::{js_error, queries, to_js};
use crate::axes;
use crate::config::Range;
use crate::formats;
use crate::history;
use crate::picture::Picture;
use crate::query::{unit_rows, KeyedVectors};
use crate::tsne::Tsne;

/// Numbers (words × dimension) a file may hold to be imported: 120 MB of f32, about four times
/// that in the page while it is read, shown and queried (e.g. 100,000 words × 300).
pub const MAX_IMPORT_VALUES: usize = 30_000_000;

/// A vector file, read and checked (distinct words and their vectors), and its picture.
#[wasm_bindgen]
pub struct VectorFile {
    kv: KeyedVectors,
    picture: Picture,
}

#[wasm_bindgen]
impl VectorFile {
    /// Read word2vec text or binary, GloVe or fastText `.vec` (the layout is sniffed). Fails with
    /// the problem and its line (text) or byte (binary), or if the file holds more than
    /// [`MAX_IMPORT_VALUES`] numbers.
    #[wasm_bindgen(constructor)]
    pub fn read(bytes: &[u8]) -> Result<VectorFile, JsError> {
        let kv = formats::read_at_most(bytes, MAX_IMPORT_VALUES).map_err(js_error)?;
        Ok(VectorFile {
            kv,
            picture: Picture::default(),
        })
    }

    /// Vectors already in the page: `words` (one per line) and their row-major |words| × `dim`
    /// matrix, e.g. a snapshot of the training history, which then answers every query exactly
    /// as the model answered it at that moment.
    #[wasm_bindgen(js_name = fromRows)]
    pub fn from_rows(words: &str, dim: u32, vectors: Vec<f32>) -> Result<VectorFile, JsError> {
        Ok(VectorFile {
            kv: keyed(words, dim, vectors)?,
            picture: Picture::default(),
        })
    }

    /// The words, in the file's order (word2vec files list the most frequent first).
    pub fn words(&self) -> Vec<String> {
        self.kv.words().to_vec()
    }

    pub fn dim(&self) -> u32 {
        self.kv.dim() as u32
    }

    /// The vectors, row-major |words| × dim.
    pub fn vectors(&self) -> Vec<f32> {
        self.kv.vectors().to_vec()
    }

    /// 2-D PCA of the unit vectors ([`Picture::project`]), row-major |words| × 2.
    pub fn project(&mut self) -> Vec<f32> {
        self.picture.project(&self.kv)
    }

    /// Fraction of the variance along each axis of the last projection.
    pub fn explained(&self) -> Vec<f64> {
        self.picture.explained()
    }

    /// Group (0..k) of every word by spherical k-means, warm-started like a model's.
    pub fn clusters(&mut self, k: u32) -> Vec<u32> {
        self.picture.clusters(&self.kv, k as usize, 1)
    }

    /// The `k` nearest words to `word` by cosine: `[{word, score}]`.
    pub fn nearest(&self, word: &str, k: u32) -> Result<JsValue, JsError> {
        queries::nearest(&self.kv, word, k)
    }

    /// Cosine similarity of two words.
    pub fn similarity(&self, a: &str, b: &str) -> Result<f32, JsError> {
        self.kv.similarity(a, b).map_err(js_error)
    }

    /// a : b :: c : ? by 3CosAdd (`method` "add") or 3CosMul ("mul"): `[{word, score}]`.
    pub fn analogy(
        &self,
        a: &str,
        b: &str,
        c: &str,
        k: u32,
        method: &str,
    ) -> Result<JsValue, JsError> {
        queries::analogy(&self.kv, [a, b, c], k, method)
    }

    /// The `k` words spelled most like `word` (for a word not in the file).
    pub fn spellings(&self, word: &str, k: u32) -> Vec<String> {
        self.kv.nearest_spellings(word, k as usize)
    }
}

/// `words` (one per line: no vector-file word contains a line break) with a row-major
/// |words| × `dim` matrix as a file: `format` "text" or "binary" (word2vec), or the Embedding
/// Projector's "vectors.tsv" or "metadata.tsv".
#[wasm_bindgen(js_name = writeVectorFile)]
pub fn write_vector_file(
    words: &str,
    dim: u32,
    vectors: Vec<f32>,
    format: &str,
) -> Result<Vec<u8>, JsError> {
    let kv = keyed(words, dim, vectors)?;
    let mut out = Vec::new();
    match format {
        "text" => formats::write_text(&mut out, &kv),
        "binary" => formats::write_binary(&mut out, &kv),
        "vectors.tsv" => formats::write_projector_vectors(&mut out, &kv),
        "metadata.tsv" => formats::write_projector_metadata(&mut out, &kv),
        other => {
            return Err(JsError::new(&format!(
                "unknown format '{other}' (text, binary, vectors.tsv or metadata.tsv)"
            )))
        }
    }
    .map_err(js_error)?;
    Ok(out)
}

/// Words and vectors from JavaScript: one word per line, a row-major |words| × `dim` matrix.
fn keyed(words: &str, dim: u32, vectors: Vec<f32>) -> Result<KeyedVectors, JsError> {
    let words: Vec<String> = words.split('\n').map(String::from).collect();
    let dim = dim as usize;
    if words.len() * dim != vectors.len() {
        return Err(JsError::new(&format!(
            "{} words × {dim} dimensions do not fit {} numbers",
            words.len(),
            vectors.len()
        )));
    }
    Ok(KeyedVectors::new(words, dim, vectors))
}

/// Coordinates on two axes chosen with words (`axes::custom_axes`): `axes` is
/// `[x from, x to, y from, y to]`. Row-major |words| × 2.
#[wasm_bindgen(js_name = customAxes)]
pub fn custom_axes(
    words: &str,
    dim: u32,
    vectors: Vec<f32>,
    axes: Vec<String>,
) -> Result<Vec<f32>, JsError> {
    let [a, b, c, d] = <[String; 4]>::try_from(axes)
        .map_err(|_| JsError::new("custom axes need four words: x from, x to, y from, y to"))?;
    let kv = keyed(words, dim, vectors)?;
    axes::custom_axes(&kv, [&a, &b], [&c, &d]).map_err(js_error)
}

/// The training history's fixed axes (`history::HistoryAxes`), fitted on the latest snapshot.
#[wasm_bindgen]
pub struct HistoryAxes(history::HistoryAxes);

#[wasm_bindgen]
impl HistoryAxes {
    /// Fit on the latest snapshot's row-major rows × `dim` vectors.
    #[wasm_bindgen(constructor)]
    pub fn fit(latest: &[f32], dim: u32) -> HistoryAxes {
        HistoryAxes(history::HistoryAxes::fit(latest, dim as usize))
    }

    /// Any snapshot's rows on these axes: row-major rows × 2.
    pub fn place(&self, rows: &[f32]) -> Vec<f32> {
        self.0.place(rows)
    }

    /// Fraction of the latest snapshot's variance along each axis.
    pub fn explained(&self) -> Vec<f64> {
        self.0.explained().to_vec()
    }
}

/// A t-SNE picture of some vectors' directions (`tsne::Tsne` on their unit vectors), kept between
/// calls so that it can follow a model in training.
#[wasm_bindgen]
pub struct TsneLayout {
    tsne: Tsne,
    dim: usize,
}

#[wasm_bindgen]
impl TsneLayout {
    /// Start from a small random picture drawn from `seed`.
    #[wasm_bindgen(constructor)]
    pub fn new(vectors: &[f32], dim: u32, perplexity: f64, seed: u32) -> TsneLayout {
        let dim = dim as usize;
        TsneLayout {
            tsne: Tsne::new(&unit_rows(vectors, dim), dim, perplexity, seed as u64),
            dim,
        }
    }

    /// The same points' new vectors: the picture carries on from where it is.
    #[wasm_bindgen(js_name = setInput)]
    pub fn set_input(&mut self, vectors: &[f32]) -> Result<(), JsError> {
        if vectors.len() != self.tsne.len() * self.dim {
            return Err(JsError::new("t-SNE: not the same points"));
        }
        self.tsne.set_input(&unit_rows(vectors, self.dim), self.dim);
        Ok(())
    }

    /// Run `iterations` more iterations; the picture, row-major n × 2.
    pub fn run(&mut self, iterations: u32) -> Vec<f32> {
        for _ in 0..iterations {
            self.tsne.step();
        }
        self.tsne.coords()
    }

    /// Iterations run so far.
    pub fn iterations(&self) -> u32 {
        self.tsne.iteration() as u32
    }
}

/// The allowed range of every numeric setting, `{name: {min, max, minOpen, maxOpen}}` by its
/// name in JavaScript, from the schema (`crate::schema`); the page's unit tests compare its own
/// copy (`www/core/schema.js`) with these. Here, not in the trainer's module, whose size is
/// budgeted: only that test asks.
#[wasm_bindgen]
pub fn limits() -> Result<JsValue, JsError> {
    let all: std::collections::BTreeMap<String, Range> = crate::schema::all()
        .filter_map(|s| Some((crate::schema::camel_case(s.name), s.kind.range()?)))
        .collect();
    to_js(&all)
}
