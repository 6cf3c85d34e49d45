//! The vector-file binding: a second WebAssembly module for reading and writing vector files and
//! exploring imported vectors, which the page loads only when the user exports or imports.
//!
//! Reading and writing decimals (`str::parse::<f32>`, `f32::to_string`) with their tables, the
//! text and binary readers and their messages weigh about 25 KB gzipped: in the module every
//! visitor downloads they would break its 100 KB budget, for a feature few visits use. So this
//! module is the same crate built with the `files` feature (without [`crate::wasm`]'s trainer).
//! The training worker imports it on demand: a trained model's words and vectors come to
//! [`write_vector_file`] as a string and a `Float32Array`; an imported file stays here as a
//! [`VectorFile`], which answers what the page asks of any vectors (the picture, neighbours,
//! similarities, analogies) with the same core code as a model in training.
//!
//! Formats and their guarantees are [`crate::formats`]': word2vec text (shortest round-trip
//! decimals) and binary (raw little-endian f32) give back the same bits when read; GloVe (no
//! header) and fastText `.vec` are read as text.

use wasm_bindgen::prelude::*;

use crate::formats;
use crate::picture::Picture;
use crate::query::KeyedVectors;
use crate::wasm_shared::{js_error, queries};

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
    let words: Vec<String> = words.split('\n').map(String::from).collect();
    let dim = dim as usize;
    if words.len() * dim != vectors.len() {
        return Err(JsError::new(&format!(
            "{} words × {dim} dimensions do not fit {} numbers",
            words.len(),
            vectors.len()
        )));
    }
    let kv = KeyedVectors::new(words, dim, vectors);
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

/// [`MAX_IMPORT_VALUES`], for the page's help text.
#[wasm_bindgen(js_name = maxImportValues)]
pub fn max_import_values() -> u32 {
    MAX_IMPORT_VALUES as u32
}
