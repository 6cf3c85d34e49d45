//! The trained object: vocabulary, the two weight matrices, and the output layer.
//!
//! Tutorial §2–3: W (|V| × N) holds the input vectors v_w, one row per word; W' holds the output
//! vectors v'_w (stored as rows too, so a score is a dot product of two contiguous rows). For
//! hierarchical softmax W' has one row per inner node of the Huffman tree instead of per word.
//!
//! Initialisation follows word2vec.c `InitNet`: input rows uniform in [−0.5/N, 0.5/N), output rows
//! zero. Memory is 2·|V|·N floats plus O(|V|) for the vocabulary, noise table or tree.
//!
//! With subwords (fastText, `text/subwords.rs`) W has a row per word and one per bucket of
//! n-grams, (|V| + bucket) × N, initialised as fastText does, uniform in [−1/N, 1/N); a word's
//! vector is then the mean of its rows, not its row.

use crate::config::{Architecture, CbowContext, Config, OutputLayer, SOFTMAX_VOCAB_LIMIT};
use crate::error::{Error, Result};
use crate::huffman::HuffmanTree;
use crate::kernels::{axpy, scale};
use crate::noise::NoiseSampler;
use crate::output_layer::OutputModel;
use crate::query::Scored;
use crate::ranking::{self, Ranked};
use crate::rng::Rng;
use crate::subwords::{SubwordConfig, Subwords};
use crate::tokenize::TokenizerOptions;
use crate::vocab::Vocab;

/// Which of a word's two vectors a query uses (tutorial §3: "one usually keeps v, some average v
/// and v'").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VectorSource {
    Input,
    Output,
    Average,
}

/// Vocabulary, weights and output layer of one model.
#[derive(Debug, Clone)]
pub struct Model {
    pub config: Config,
    /// The seed actually used (drawn from the OS when the config had none).
    pub seed: u64,
    pub vocab: Vocab,
    pub dim: usize,
    /// W: |V| × dim, row-major ((|V| + bucket) × dim with subwords).
    pub input: Vec<f32>,
    /// W': rows × dim, row-major (rows = |V|, or |V| − 1 inner nodes for hierarchical softmax).
    pub output: Vec<f32>,
    pub output_model: OutputModel,
    /// fastText's subwords: each word's rows of W (its own and its n-grams'), if the model has them.
    pub subwords: Option<Subwords>,
}

/// Fill in the blank's answer ([`Model::fill_blank_text`]): the likeliest words, and the words of
/// the context the vocabulary does not know.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    all(target_arch = "wasm32", target_os = "unknown"),
    derive(serde::Serialize)
)]
pub struct BlankAnswer {
    pub list: Vec<Scored>,
    pub unknown: Vec<String>,
}

impl Model {
    /// A freshly initialised model for `vocab`. Checks the config first.
    pub fn new(vocab: Vocab, config: &Config) -> Result<Model> {
        Model::with_subwords(vocab, config, None)
    }

    /// The same, with fastText's subwords when `subwords` is given (checked too).
    pub fn with_subwords(
        vocab: Vocab,
        config: &Config,
        subwords: Option<SubwordConfig>,
    ) -> Result<Model> {
        config.validate()?;
        if vocab.is_empty() {
            return Err(Error::EmptyVocabulary {
                reason: "the vocabulary is empty".into(),
            });
        }
        let output_model = match config.output {
            OutputLayer::Softmax => {
                if vocab.len() > SOFTMAX_VOCAB_LIMIT {
                    return Err(Error::VocabularyTooLargeForSoftmax {
                        size: vocab.len(),
                        limit: SOFTMAX_VOCAB_LIMIT,
                    });
                }
                OutputModel::Softmax {
                    vocab_size: vocab.len(),
                }
            }
            OutputLayer::NegativeSampling => OutputModel::Negative {
                sampler: NoiseSampler::new(vocab.counts(), config.noise_power),
                k: config.negative,
            },
            OutputLayer::Hierarchical => OutputModel::Hierarchical {
                tree: HuffmanTree::new(vocab.counts()),
            },
        };
        let seed = config.seed.unwrap_or_else(Rng::entropy_seed);
        let dim = config.dim;
        let mut rng = Rng::new(seed);
        let subwords = subwords.map(|s| Subwords::new(&vocab, s)).transpose()?;
        let input = match &subwords {
            None => (0..vocab.len() * dim)
                .map(|_| (rng.unit_f32() - 0.5) / dim as f32)
                .collect(),
            Some(s) => (0..s.total_rows() * dim)
                .map(|_| (2.0 * rng.unit_f32() - 1.0) / dim as f32)
                .collect(),
        };
        let output = vec![0.0; output_model.rows() * dim];
        Ok(Model {
            config: config.clone(),
            seed,
            vocab,
            dim,
            input,
            output,
            output_model,
            subwords,
        })
    }

    /// Input vector v_w (row w of W).
    pub fn input_row(&self, word: u32) -> &[f32] {
        &self.input[word as usize * self.dim..(word as usize + 1) * self.dim]
    }

    /// The hidden vector h formed from the words `inputs` as training forms it: the mean (or sum)
    /// of the context rows for CBOW, the centre word's row for skip-gram; with subwords, the mean
    /// of all their rows and their n-grams' rows.
    pub fn hidden(&self, inputs: &[u32]) -> Vec<f32> {
        if let Some(s) = &self.subwords {
            // fastText: h is the mean of every row of the words (their own and their n-grams').
            let rows: Vec<u32> = inputs
                .iter()
                .flat_map(|&w| s.rows(w).iter().copied())
                .collect();
            return self.mean_of_rows(&rows);
        }
        let mut h = vec![0.0f32; self.dim];
        let mean = self.config.architecture == Architecture::Cbow
            && self.config.cbow_context == CbowContext::Mean;
        form_h(
            |w| self.input_row(w),
            inputs.iter().copied(),
            inputs.len(),
            mean,
            &mut h,
        );
        h
    }

    /// Fill in the blank: the `k` words most likely to stand in a gap whose context is the words
    /// `context` — h formed from them as [`Model::hidden`] forms it, then p(w | h) from the output
    /// layer ([`OutputModel::distribution`]). Words of the context itself are not offered: a gap
    /// asks for a word the sentence does not already hold. (Skip-gram and CBOW learn that a word
    /// occurs near the words it occurs with, so `每天 早上 … ___` would otherwise often answer
    /// 早上, which is in the window, not in the gap; analogies leave out their three words for
    /// the same reason.) Empty if `context` is.
    pub fn fill_blank(&self, context: &[u32], k: usize) -> Vec<Ranked> {
        if context.is_empty() {
            return Vec::new();
        }
        let p = self
            .output_model
            .distribution(&self.output, &self.hidden(context));
        let candidates = p
            .iter()
            .enumerate()
            .map(|(w, &q)| Ranked::new(q, w as u32))
            .filter(|r| !context.contains(&r.id));
        ranking::top_k(candidates.collect(), k)
    }

    /// Fill in the blank for a context as the user typed it: cut into tokens as the corpus was
    /// (`tokenizer`; Chinese already cut into words when the corpus was), the words not in the
    /// vocabulary left out of h and listed.
    pub fn fill_blank_text(
        &self,
        tokenizer: &TokenizerOptions,
        context: &str,
        k: usize,
    ) -> BlankAnswer {
        let (known, unknown): (Vec<String>, Vec<String>) = tokenizer
            .tokens(context)
            .into_iter()
            .partition(|w| self.vocab.id(w).is_some());
        let ids: Vec<u32> = known.iter().filter_map(|w| self.vocab.id(w)).collect();
        let list = self
            .fill_blank(&ids, k)
            .iter()
            .map(|r| Scored {
                word: self.vocab.word(r.id).to_string(),
                score: r.score as f32,
            })
            .collect();
        BlankAnswer { list, unknown }
    }

    /// Whether output rows are word vectors (not so for hierarchical softmax: they are tree nodes).
    pub fn has_output_word_vectors(&self) -> bool {
        !matches!(self.output_model, OutputModel::Hierarchical { .. })
    }

    /// The |V| × dim matrix of word vectors a query should use.
    pub fn word_vectors(&self, source: VectorSource) -> Result<Vec<f32>> {
        if source != VectorSource::Input && !self.has_output_word_vectors() {
            return Err(Error::InvalidQuery {
                message: "with hierarchical softmax the output rows belong to tree nodes, not \
                          words; use the input vectors"
                    .into(),
            });
        }
        let input = match &self.subwords {
            // Each word is the mean of its rows, as training forms it.
            Some(s) => (0..s.words() as u32)
                .flat_map(|w| self.mean_of_rows(s.rows(w)))
                .collect(),
            None => self.input.clone(),
        };
        Ok(match source {
            VectorSource::Input => input,
            VectorSource::Output => self.output.clone(),
            VectorSource::Average => input
                .iter()
                .zip(&self.output)
                .map(|(a, b)| 0.5 * (a + b))
                .collect(),
        })
    }

    /// The vector of a word the vocabulary does not have, as fastText builds it: the mean of its
    /// n-grams' rows. `None` without subwords (a static vector has nothing for an unseen word,
    /// tutorial §7).
    pub fn unseen_vector(&self, word: &str) -> Option<Vec<f32>> {
        let rows = self.subwords.as_ref()?.unseen_rows(word);
        Some(self.mean_of_rows(&rows))
    }

    /// The mean of rows of W, formed as training forms h ([`form_h`]).
    fn mean_of_rows(&self, rows: &[u32]) -> Vec<f32> {
        let mut v = vec![0.0f32; self.dim];
        form_h(
            |r| self.input_row(r),
            rows.iter().copied(),
            rows.len(),
            true,
            &mut v,
        );
        v
    }

    /// True when every weight is finite.
    pub fn is_finite(&self) -> bool {
        self.input.iter().chain(&self.output).all(|x| x.is_finite())
    }
}

/// The hidden vector h from the input rows of `words` (tutorial §2): their mean (`mean`, CBOW's
/// default; `count` is how many words there are) or their sum, h = (1/C) Σ v_w; for skip-gram one
/// row, the centre word's v_w. Written once: training forms h with it (`train/stream.rs`, over
/// its [`crate::rows::Rows`]) and so does every query that forms h again ([`Model::hidden`]), with
/// the same bits. Always inlined: as a call it made the one-thread wasm 130 bytes larger gzipped,
/// against its 100 KB budget.
#[inline(always)]
pub fn form_h<'a>(
    row: impl Fn(u32) -> &'a [f32],
    words: impl Iterator<Item = u32>,
    count: usize,
    mean: bool,
    h: &mut [f32],
) {
    h.fill(0.0);
    for w in words {
        axpy(1.0, row(w), h);
    }
    if mean && count > 0 {
        scale(1.0 / count as f32, h);
    }
}
