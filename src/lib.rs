//! # word2vec-lab: word2vec for learning word2vec
//!
//! The whole word2vec family from Mikolov et al. (2013a, 2013b), written to be read next to the
//! lesson (`docs/TUTORIAL.md` in the shared folder): CBOW and skip-gram, each with full softmax,
//! negative sampling or hierarchical softmax. Plain Rust with no WebAssembly or JavaScript types,
//! so it runs natively (the `w2v` CLI, the tests, the benchmarks) and in the browser unchanged.
//! (What the page receives as an object, such as a traced step, derives `serde::Serialize` for
//! the browser build only, so the bindings convert it in one call.)
//!
//! One concept per module, in the order the lesson meets them; the modules live in folders by
//! role (`text/`, `network/`, `train/`, `vectors/`, `picture/`, `bindings/`; each folder's own file
//! says what it holds), and each is also reachable by its own name (`word2vec_lab::tokenize`):
//!
//! | folder / module | concept | reference |
//! |---|---|---|
//! | text/[`tokenize`] | text → tokens | word2vec.c `ReadWord` |
//! | text/[`segment`] | Chinese text → words (jieba) | Sun 2012, jieba |
//! | text/[`vocab`] | counts, ids, subsampling | `LearnVocabFromTrainFile`, `SortVocab` |
//! | text/[`corpus`] | token ids in sentences | `ReadWordIndex` |
//! | text/[`subwords`] | a word as its character n-grams, hashed into rows | Bojanowski et al. 2017, fastText |
//! | network/[`kernels`] | dot, axpy, sigmoid | `expTable` |
//! | network/[`detmath`] | exp and ln with the same bits everywhere | — |
//! | network/[`noise`] | P_n ∝ count^0.75, alias sampling | `InitUnigramTable` |
//! | network/[`huffman`] | the tree for hierarchical softmax | `CreateBinaryTree` |
//! | network/[`output_layer`] | softmax / negative sampling / hierarchical softmax | `TrainModelThread` |
//! | network/[`model`] | W, W′ and their initialisation | `InitNet` |
//! | network/[`rows`] | row access to W and W′ (with Hogwild's private hot rows) | — |
//! | train/[`pool`] | fork-join threads (native threads or Web Workers) | — |
//! | [`train`] | chunks, threads; a stream's windows, CBOW vs skip-gram; the loss; a traced step explained | `TrainModelThread` |
//! | vectors/[`query`] | cosine, neighbours, analogies | `distance.c`, `word-analogy.c` |
//! | vectors/[`ranking`] | best-first order of scored lists (one sort for all) | `SortVocab` |
//! | picture/[`pca`] | 2-D / 3-D projection for the plot | — |
//! | [`picture`] | the plot's projection and colour groups, kept between pictures | — |
//! | picture/[`tsne`] | t-SNE, a picture that keeps neighbours near | van der Maaten & Hinton 2008 |
//! | picture/[`axes`] | custom axes from word pairs | Embedding Projector |
//! | picture/[`cluster`] | spherical k-means, for colouring the plot | Dhillon & Modha 2001 |
//! | picture/[`history`] | the training history's snapshots on one fixed pair of axes | — |
//! | vectors/[`formats`] | word2vec text / binary, Projector TSV | `main()` output |
//! | vectors/[`ngrams`] | the n-gram rows kept beside a subword model's vectors | fastText `.bin` |
//! | vectors/[`eval`] | analogy accuracy, similarity Spearman | `compute-accuracy.c` |
//! | counts/[`cooccurrence`] | global co-occurrence counts in a window | GloVe `cooccur.c` |
//! | counts/[`glove`] | GloVe: weighted least squares on log counts, AdaGrad | Pennington et al. 2014 |
//! | counts/[`svd`] | truncated SVD by randomized subspace iteration | Halko et al. 2011 |
//! | counts/[`ppmi`] | shifted PPMI + SVD vectors, the count-based view of §4 | Levy & Goldberg 2014 |
//! | [`schema`] | every setting written once: kind, range, flag, form, attribute | — |
//! | [`presets`] | corpora this project generates, with settings | — |
//! | [`own_text`] | settings for the user's own text, scaled to it | — |
//!
//! The browser bindings (`bindings/`) are the only modules that see JavaScript, built only for
//! `wasm32-unknown-unknown`: `wasm` (the trainer and its queries, in the module every visit loads)
//! or, with the `explore` feature, `wasm_explore` (vector files, imported vectors, t-SNE and custom
//! axes, in a second module loaded when first needed), or, with the `segment` feature,
//! `wasm_segment` (Chinese word segmentation, a third module loaded only when Chinese text is cut
//! into words). `wasm_shared` holds what the first two use.

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
pub mod bindings;
pub mod config;
pub mod counts;
pub mod error;
pub mod network;
pub mod own_text;
pub mod picture;
pub mod presets;
pub mod schema;
pub mod text;
pub mod train;
pub mod vectors;

// Each module also by its own name (`word2vec_lab::tokenize`), as the table above lists them.
#[cfg(all(
    target_arch = "wasm32",
    target_os = "unknown",
    not(feature = "explore"),
    not(feature = "segment")
))]
pub use bindings::wasm;
pub use counts::{cooccurrence, glove, ppmi, svd};
pub use network::{detmath, huffman, kernels, model, noise, output_layer, rng, rows};
pub use picture::{axes, cluster, history, pca, tsne};
pub use text::{corpus, segment, subwords, tokenize, vocab};
use train::hogwild;
pub use train::pool;
pub use vectors::{eval, formats, ngrams, query, ranking};

pub use config::{Architecture, CbowContext, Config, OutputLayer};
pub use corpus::{Corpus, CorpusBuilder};
pub use error::{Error, Result};
pub use model::{Model, VectorSource};
pub use query::KeyedVectors;

pub use segment::Segmenter;
pub use tokenize::{ChineseText, TokenizerOptions};
pub use train::{PositionTrace, Progress, SampleTrace, Trainer};
