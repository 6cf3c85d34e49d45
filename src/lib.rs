//! # word2vec-lab: word2vec for learning word2vec
//!
//! The whole word2vec family from Mikolov et al. (2013a, 2013b), written to be read next to the
//! lesson (`docs/TUTORIAL.md` in the shared folder): CBOW and skip-gram, each with full softmax,
//! negative sampling or hierarchical softmax. Plain Rust with no WebAssembly or JavaScript types,
//! so it runs natively (the `w2v` CLI, the tests, the benchmarks) and in the browser unchanged.
//! (What the page receives as an object, such as a traced step, derives `serde::Serialize` for
//! the browser build only, so the bindings convert it in one call.)
//!
//! One concept per module, in the order the lesson meets them:
//!
//! | module | concept | reference |
//! |---|---|---|
//! | [`tokenize`] | text → tokens | word2vec.c `ReadWord` |
//! | [`segment`] | Chinese text → words (jieba) | Sun 2012, jieba |
//! | [`vocab`] | counts, ids, subsampling | `LearnVocabFromTrainFile`, `SortVocab` |
//! | [`corpus`] | token ids in sentences | `ReadWordIndex` |
//! | [`kernels`] | dot, axpy, sigmoid | `expTable` |
//! | [`detmath`] | exp and ln with the same bits everywhere | — |
//! | [`noise`] | P_n ∝ count^0.75, alias sampling | `InitUnigramTable` |
//! | [`huffman`] | the tree for hierarchical softmax | `CreateBinaryTree` |
//! | [`output_layer`] | softmax / negative sampling / hierarchical softmax | `TrainModelThread` |
//! | [`model`] | W, W′ and their initialisation | `InitNet` |
//! | [`rows`] | row access to W and W′ (with Hogwild's private hot rows) | — |
//! | [`pool`] | fork-join threads (native threads or Web Workers) | — |
//! | [`train`] | chunks, threads; a stream's windows, CBOW vs skip-gram; the loss; a traced step explained | `TrainModelThread` |
//! | [`query`] | cosine, neighbours, analogies | `distance.c`, `word-analogy.c` |
//! | [`ranking`] | best-first order of scored lists (one sort for all) | `SortVocab` |
//! | [`pca`] | 2-D / 3-D projection for the plot | — |
//! | [`picture`] | the plot's projection and colour groups, kept between pictures | — |
//! | [`tsne`] | t-SNE, a picture that keeps neighbours near | van der Maaten & Hinton 2008 |
//! | [`axes`] | custom axes from word pairs | Embedding Projector |
//! | [`cluster`] | spherical k-means, for colouring the plot | Dhillon & Modha 2001 |
//! | [`formats`] | word2vec text / binary, Projector TSV | `main()` output |
//! | [`eval`] | analogy accuracy, similarity Spearman | `compute-accuracy.c` |
//! | [`presets`] | corpora this project generates, with settings | — |
//! | [`own_text`] | settings for the user's own text, scaled to it | — |
//!
//! The browser bindings are the only modules that see JavaScript, built only for
//! `wasm32-unknown-unknown`: `wasm` (the trainer and its queries, in the module every visit loads)
//! or, with the `explore` feature, `wasm_explore` (vector files, imported vectors, t-SNE and custom
//! axes, in a second module loaded when first needed), or, with the `segment` feature,
//! `wasm_segment` (Chinese word segmentation, a third module loaded only when Chinese text is cut
//! into words). `wasm_shared` holds what the first two use.

pub mod axes;
pub mod cluster;
pub mod config;
pub mod corpus;
pub mod detmath;
pub mod error;
pub mod eval;
pub mod formats;
mod hogwild;
pub mod huffman;
pub mod kernels;
pub mod model;
pub mod noise;
pub mod output_layer;
pub mod own_text;
pub mod pca;
pub mod picture;
pub mod pool;
pub mod presets;
pub mod query;
pub mod ranking;
pub mod rng;
pub mod rows;
pub mod segment;
pub mod tokenize;
pub mod train;
pub mod tsne;
pub mod vocab;
#[cfg(all(
    target_arch = "wasm32",
    target_os = "unknown",
    not(feature = "explore"),
    not(feature = "segment")
))]
pub mod wasm;
#[cfg(all(target_arch = "wasm32", target_os = "unknown", feature = "explore"))]
pub mod wasm_explore;
#[cfg(all(target_arch = "wasm32", target_os = "unknown", feature = "segment"))]
pub mod wasm_segment;
#[cfg(all(
    target_arch = "wasm32",
    target_os = "unknown",
    not(feature = "segment")
))]
mod wasm_shared;

pub use config::{Architecture, CbowContext, Config, OutputLayer};
pub use corpus::{Corpus, CorpusBuilder};
pub use error::{Error, Result};
pub use model::{Model, VectorSource};
pub use query::KeyedVectors;

pub use segment::Segmenter;
pub use tokenize::{ChineseText, TokenizerOptions};
pub use train::{PositionTrace, Progress, SampleTrace, Trainer};
