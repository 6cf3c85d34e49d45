//! The trainer's browser binding, in the module every visit loads (`www/pkg/`).
//!
//! One of the three modules that see JavaScript: `src/bindings/wasm_explore.rs` is a second build of
//! this crate for vector files and the projections beyond PCA, `src/bindings/wasm_segment.rs` a third for
//! Chinese word segmentation; `src/bindings/wasm_shared.rs` holds what the first two use.
//!
//! A thin layer over the plain-Rust core, compiled only for `wasm32-unknown-unknown` and turned
//! into an ES module by `wasm-bindgen --target web`. The demo's Web Worker (`www/worker/`) owns
//! one [`Lab`]: a corpus, its settings and the model being trained. What crosses the boundary:
//! - settings in and out as plain objects ([`Settings`], through serde-wasm-bindgen; `settings.rs`);
//! - the core's own results (a traced step explained, the Huffman tree's shape, the blank's
//!   answer) as plain objects, serialised from the core's types in one call;
//! - vectors, projections, counts and cluster labels out as typed arrays (`Float32Array`,
//!   `Uint32Array`), copied once, which the worker then transfers to the page;
//! - every error as a `JsError` whose message is the core's (it names the bad field or word).
//!
//! Time slicing, message handling and snapshots are the worker's business, in JavaScript: this
//! module only trains the number of words it is asked to.

use std::sync::OnceLock;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::wasm_shared::{js_error, queries, to_js};
use crate::huffman::HuffmanTree;
use crate::noise::NoiseSampler;
use crate::own_text::OwnText;
use crate::picture::Picture;
use crate::pool::Pool;
use crate::presets::Preset;
use crate::query::KeyedVectors;
use crate::tokenize::TokenizerOptions;
use crate::train::{Progress, Trainer};

mod settings;
use crate::{CorpusBuilder, VectorSource};
pub use settings::Settings;

/// Progress as the page shows it (word counts as f64: they may pass 2^32).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ProgressOut {
    words_done: f64,
    total_words: f64,
    epoch: u32,
    epochs: u32,
    alpha: f64,
    /// Mean loss over the last chunk; `null` when the chunk made no prediction.
    loss: Option<f64>,
    predictions: f64,
    done: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PresetOut {
    name: &'static str,
    text: String,
    settings: Settings,
    query: &'static str,
    pairs: Vec<[&'static str; 2]>,
    analogy: [&'static str; 3],
}

/// The names of the presets, in menu order.
#[wasm_bindgen(js_name = presetNames)]
pub fn preset_names() -> Vec<String> {
    Preset::ALL.iter().map(|p| p.name().to_string()).collect()
}

/// A preset's corpus (generated from `seed`), settings and example queries.
#[wasm_bindgen]
pub fn preset(name: &str, seed: u32) -> Result<JsValue, JsError> {
    let p = Preset::from_name(name).map_err(js_error)?;
    to_js(&PresetOut {
        name: p.name(),
        text: p.text(seed as u64),
        settings: Settings {
            config: p.config(),
            tokenizer: p.tokenizer(),
        },
        query: p.examples().query,
        pairs: p.examples().pairs.iter().map(|&(a, b)| [a, b]).collect(),
        analogy: p.examples().analogy,
    })
}

/// Settings for a text the user brings, scaled to it (`OwnText`): `sample` is its start (or all
/// of it), `total_bytes` its whole size.
#[wasm_bindgen(js_name = ownTextSettings)]
pub fn own_text_settings(sample: &str, total_bytes: f64) -> Result<JsValue, JsError> {
    let (config, tokenizer) = OwnText::measure(sample, total_bytes as u64).settings();
    to_js(&Settings { config, tokenizer })
}

/// The estimated length in tokens those settings were derived from.
#[wasm_bindgen(js_name = ownTextTokens)]
pub fn own_text_tokens(sample: &str, total_bytes: f64) -> f64 {
    OwnText::measure(sample, total_bytes as u64).tokens as f64
}

/// The threads training runs on: the worker that owns the [`Lab`], plus every helper Web
/// Worker that has called [`serve_pool`] (only in the threaded build).
fn training_pool() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(Pool::new)
}

/// Whether this build can train on several threads: the second, threaded artefact (compiled with
/// atomics and loaded only on a cross-origin-isolated page) can; the default build cannot.
#[wasm_bindgen(js_name = hasThreads)]
pub fn has_threads() -> bool {
    cfg!(target_feature = "atomics")
}

/// Threads training can use now (1 + the helpers that have joined).
#[wasm_bindgen(js_name = poolThreads)]
pub fn pool_threads() -> u32 {
    training_pool().threads() as u32
}

/// Called once by each helper Web Worker (`www/worker/helper.js`) after it has instantiated this
/// module on the shared memory: joins the training pool and never returns.
#[wasm_bindgen(js_name = servePool)]
pub fn serve_pool() -> Result<(), JsError> {
    if !has_threads() {
        return Err(JsError::new("this build has no threads"));
    }
    training_pool().serve()
}

/// The WebAssembly module and its (shared) memory, for starting helper workers.
#[wasm_bindgen(js_name = moduleAndMemory)]
pub fn module_and_memory() -> js_sys::Array {
    js_sys::Array::of2(&wasm_bindgen::module(), &wasm_bindgen::memory())
}

/// A corpus read in pieces (a large file streamed by the worker), then turned into a [`Lab`].
/// Each piece must end at a line break (the worker keeps a partial last line for the next one).
#[wasm_bindgen]
pub struct CorpusLoader {
    builder: CorpusBuilder,
    settings: Settings,
}

#[wasm_bindgen]
impl CorpusLoader {
    /// Check the settings first, so a bad setting is reported before any text is read.
    #[wasm_bindgen(constructor)]
    pub fn new(settings: JsValue) -> Result<CorpusLoader, JsError> {
        let settings: Settings = serde_wasm_bindgen::from_value(settings)
            .map_err(|e| JsError::new(&format!("invalid settings: {e}")))?;
        settings.config.validate().map_err(js_error)?;
        Ok(CorpusLoader {
            builder: CorpusBuilder::new(settings.tokenizer),
            settings,
        })
    }

    /// Add whole lines of text.
    pub fn push(&mut self, text: &str) {
        self.builder.push_text(text);
    }

    /// Build the vocabulary and initialise a model.
    pub fn finish(self) -> Result<Lab, JsError> {
        let config = &self.settings.config;
        let corpus = self.builder.finish(config.min_count).map_err(js_error)?;
        let trainer = Trainer::new(corpus, config).map_err(js_error)?;
        Ok(Lab {
            trainer,
            tokenizer: self.settings.tokenizer,
            vectors: None,
            picture: Picture::default(),
        })
    }
}

/// One corpus and the model being trained on it (with its settings).
#[wasm_bindgen]
pub struct Lab {
    trainer: Trainer,
    /// How the corpus was cut into tokens: a context to fill in is cut the same way.
    tokenizer: TokenizerOptions,
    /// The vectors as of the last training chunk, rebuilt lazily for queries.
    vectors: Option<KeyedVectors>,
    picture: Picture,
}

impl Lab {
    /// Tokenise `corpus`, build the vocabulary and initialise a model. Fails with a message
    /// naming the bad setting (or saying why there is nothing to train on). JavaScript does the
    /// same with a [`CorpusLoader`] (one constructor fewer in the size-budgeted module).
    pub fn new(corpus: &str, settings: JsValue) -> Result<Lab, JsError> {
        let mut loader = CorpusLoader::new(settings)?;
        loader.push(corpus);
        loader.finish()
    }
}

#[wasm_bindgen]
impl Lab {
    /// The vocabulary, most frequent first (ids are positions).
    pub fn words(&self) -> Vec<String> {
        self.trainer.model().vocab.words().to_vec()
    }

    /// Corpus count of every word (saturating at 2^32 − 1).
    pub fn counts(&self) -> Vec<u32> {
        let counts = self.trainer.model().vocab.counts();
        counts
            .iter()
            .map(|&c| c.min(u32::MAX as u64) as u32)
            .collect()
    }

    /// Tokens in the corpus (one epoch).
    #[wasm_bindgen(js_name = corpusTokens)]
    pub fn corpus_tokens(&self) -> f64 {
        self.trainer.corpus().num_tokens() as f64
    }

    pub fn dim(&self) -> u32 {
        self.trainer.model().dim as u32
    }

    /// Train on the next `words` tokens (fewer at the end) and report progress. With `threads`
    /// > 1, on every thread of the pool (see [`serve_pool`]).
    pub fn train(&mut self, words: u32) -> Result<JsValue, JsError> {
        let progress = self
            .trainer
            .train_on(training_pool(), words as u64)
            .map_err(js_error)?;
        self.vectors = None;
        progress_to_js(&progress, self.trainer.model().config.epochs)
    }

    /// Progress after the last chunk.
    pub fn progress(&self) -> Result<JsValue, JsError> {
        progress_to_js(&self.trainer.progress(), self.trainer.model().config.epochs)
    }

    /// The input vectors W, row-major |V| × dim.
    pub fn vectors(&self) -> Vec<f32> {
        self.trainer.model().input.clone()
    }

    /// 2-D PCA of the unit-length vectors, warm-started from the previous call so the picture
    /// turns smoothly ([`Picture::project`]). Row-major |V| × 2.
    pub fn project(&mut self) -> Vec<f32> {
        let kv = keyed(&mut self.vectors, &self.trainer);
        self.picture.project(kv)
    }

    /// Fraction of the variance along each axis of the last projection.
    pub fn explained(&self) -> Vec<f64> {
        self.picture.explained()
    }

    /// Cluster label (0..k) of every word by spherical k-means, warm-started from the previous
    /// call so that groups keep their numbers.
    pub fn clusters(&mut self, k: u32) -> Vec<u32> {
        let seed = self.trainer.model().seed;
        let kv = keyed(&mut self.vectors, &self.trainer);
        self.picture.clusters(kv, k as usize, seed)
    }

    /// The `k` nearest words to `word` by cosine: `[{word, score}]`.
    pub fn nearest(&mut self, word: &str, k: u32) -> Result<JsValue, JsError> {
        queries::nearest(self.keyed(), word, k)
    }

    /// Cosine similarity of two words.
    pub fn similarity(&mut self, a: &str, b: &str) -> Result<f32, JsError> {
        self.keyed().similarity(a, b).map_err(js_error)
    }

    /// a : b :: c : ? by 3CosAdd (`method` "add") or 3CosMul ("mul"): `[{word, score}]`.
    pub fn analogy(
        &mut self,
        a: &str,
        b: &str,
        c: &str,
        k: u32,
        method: &str,
    ) -> Result<JsValue, JsError> {
        queries::analogy(self.keyed(), [a, b, c], k, method)
    }
}

#[wasm_bindgen]
impl Lab {
    /// Train on the next position and say everything that happened there (see `TraceOut`);
    /// `null` when training is done. Runs the same code as `train`.
    #[wasm_bindgen(js_name = traceStep)]
    pub fn trace_step(&mut self) -> Result<JsValue, JsError> {
        let Some(step) = self.trainer.explain_position().map_err(js_error)? else {
            return Ok(JsValue::NULL);
        };
        self.vectors = None;
        let out = to_js(&step)?;
        let progress =
            progress_to_js(&self.trainer.progress(), self.trainer.model().config.epochs)?;
        js_sys::Reflect::set(&out, &"progress".into(), &progress)
            .map_err(|_| JsError::new("trace: no object"))?;
        Ok(out)
    }

    /// Each word's probability of being drawn as a noise word, ∝ count^power.
    #[wasm_bindgen(js_name = noiseDistribution)]
    pub fn noise_distribution(&self, power: f64) -> Vec<f64> {
        NoiseSampler::new(self.trainer.model().vocab.counts(), power)
            .probabilities()
            .to_vec()
    }

    /// The Huffman tree built from the vocabulary's counts.
    #[wasm_bindgen(js_name = huffmanTree)]
    pub fn huffman_tree(&self) -> Result<JsValue, JsError> {
        let counts = self.trainer.model().vocab.counts();
        to_js(&HuffmanTree::new(counts).shape(counts))
    }

    /// Fill in the blank ([`crate::model::Model::fill_blank_text`]): the model's `k` most likely
    /// words for the blank in a typed context, and the context's words it does not know:
    /// `{list: [{word, score}], unknown}`.
    pub fn predict(&self, context: &str, k: u32) -> Result<JsValue, JsError> {
        let model = self.trainer.model();
        to_js(&model.fill_blank_text(&self.tokenizer, context, k as usize))
    }

    /// The `k` vocabulary words spelled most like `word` (for a word not in the vocabulary).
    pub fn spellings(&mut self, word: &str, k: u32) -> Vec<String> {
        self.keyed().nearest_spellings(word, k as usize)
    }

    /// The first `rows` rows of W (the most frequent words), without copying the rest.
    #[wasm_bindgen(js_name = inputHead)]
    pub fn input_head(&self, rows: u32) -> Vec<f32> {
        let m = self.trainer.model();
        m.input[..(rows as usize * m.dim).min(m.input.len())].to_vec()
    }

    /// The first `rows` rows of W′, row-major (words for softmax and negative sampling, inner
    /// nodes of the Huffman tree for hierarchical softmax); all of it for `rows` ≥ its rows.
    #[wasm_bindgen(js_name = outputHead)]
    pub fn output_head(&self, rows: u32) -> Vec<f32> {
        let m = self.trainer.model();
        m.output[..(rows as usize * m.dim).min(m.output.len())].to_vec()
    }
}

impl Lab {
    fn keyed(&mut self) -> &KeyedVectors {
        keyed(&mut self.vectors, &self.trainer)
    }
}

/// The cached vectors, rebuilt from the model if a chunk was trained since the last query.
fn keyed<'a>(cache: &'a mut Option<KeyedVectors>, trainer: &Trainer) -> &'a KeyedVectors {
    cache.get_or_insert_with(|| {
        KeyedVectors::from_model(trainer.model(), VectorSource::Input)
            .expect("input vectors always exist")
    })
}

fn progress_to_js(p: &Progress, epochs: usize) -> Result<JsValue, JsError> {
    to_js(&progress_out(p, epochs))
}

fn progress_out(p: &Progress, epochs: usize) -> ProgressOut {
    ProgressOut {
        words_done: p.words_done as f64,
        total_words: p.total_words as f64,
        epoch: p.epoch as u32,
        epochs: epochs as u32,
        alpha: p.alpha,
        loss: p.loss.is_finite().then_some(p.loss),
        predictions: p.predictions as f64,
        done: p.done,
    }
}
