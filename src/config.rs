//! Hyperparameters: which model to train and how.
//!
//! Names follow Google's `word2vec` tool (word2vec.c `main()`), so `-size` is [`Config::dim`],
//! `-iter` is [`Config::epochs`] and so on. The choice of architecture (tutorial §2–3) and of output
//! layer (§2 full softmax, §4 negative sampling, §5 hierarchical softmax) are explicit enums.
//! [`Config::validate`] refuses every value outside its range with a message naming the field, so
//! nothing invalid ever reaches the trainer.

use crate::error::{Error, Result};

/// Which word predicts which (tutorial §2 and §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Architecture {
    /// Continuous bag of words: the context predicts the centre word. One sample per position.
    Cbow,
    /// Skip-gram: the centre word predicts each context word. 2c samples per position.
    SkipGram,
}

/// How the probability of the predicted word is computed (tutorial §2, §4, §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputLayer {
    /// Exact softmax over the whole vocabulary: O(|V|) per sample.
    Softmax,
    /// Binary logistic regression against k noise words: O(k) per sample.
    NegativeSampling,
    /// A product of binary decisions along the word's Huffman path: O(log |V|) per sample.
    Hierarchical,
}

/// How CBOW combines the context rows into the hidden vector h.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CbowContext {
    /// h is the average of the context rows (the tutorial's formula; word2vec's `-cbow 1` default).
    Mean,
    /// h is the sum of the context rows.
    Sum,
}

/// Largest vocabulary full softmax accepts: every sample scores every word.
pub const SOFTMAX_VOCAB_LIMIT: usize = 5_000;

/// Inclusive ranges for the numeric fields, shared by validation and by the front end's hints.
pub mod limits {
    pub const DIM: (usize, usize) = (1, 1_000);
    pub const WINDOW: (usize, usize) = (1, 100);
    pub const NEGATIVE: (usize, usize) = (1, 100);
    pub const EPOCHS: (usize, usize) = (1, 1_000);
    pub const MIN_COUNT: (usize, usize) = (1, 1_000_000);
    /// Learning rate: greater than the first value, at most the second.
    pub const ALPHA: (f64, f64) = (0.0, 10.0);
    /// Noise power: the tutorial's slider goes from 0 (uniform) through 0.75 to 1 (unigram).
    pub const NOISE_POWER: (f64, f64) = (0.0, 2.0);
    /// Subsampling threshold: 0 turns subsampling off.
    pub const SAMPLE: (f64, f64) = (0.0, 1.0);
    /// Training threads (`-threads`); word2vec.c's parts of the corpus, one per thread.
    pub const THREADS: (usize, usize) = (1, 64);
}

/// Everything that defines a training run. `Config::default()` is word2vec.c's defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub architecture: Architecture,
    pub output: OutputLayer,
    pub cbow_context: CbowContext,
    /// Embedding size N (`-size`).
    pub dim: usize,
    /// Context window c on each side (`-window`).
    pub window: usize,
    /// word2vec's random window shrink: each position uses a window drawn uniformly from 1..=c.
    /// Off, every position uses exactly c (the tutorial's fixed window).
    pub dynamic_window: bool,
    /// Noise words per positive pair (`-negative`), for negative sampling.
    pub negative: usize,
    /// Exponent of the noise distribution P_n(w) ∝ count(w)^power (0.75 in word2vec).
    pub noise_power: f64,
    /// Passes over the corpus (`-iter`).
    pub epochs: usize,
    /// Starting learning rate (`-alpha`); decays linearly to alpha·1e-4.
    pub alpha: f64,
    /// Words seen fewer times are dropped (`-min-count`).
    pub min_count: usize,
    /// Subsampling threshold t (`-sample`); 0 keeps every token.
    pub sample: f64,
    /// Fixes every random choice; `None` seeds from the operating system.
    pub seed: Option<u64>,
    /// Training threads (`-threads`). With more than one, the threads take blocks of sentences
    /// in turn and train them side by side on shared weights without locks (Hogwild!,
    /// `train/`): faster, but the result is no longer the same bit for bit from run to run.
    pub threads: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            architecture: Architecture::Cbow,
            output: OutputLayer::NegativeSampling,
            cbow_context: CbowContext::Mean,
            dim: 100,
            window: 5,
            dynamic_window: true,
            negative: 5,
            noise_power: 0.75,
            epochs: 5,
            alpha: 0.05,
            min_count: 5,
            sample: 1e-3,
            seed: None,
            threads: 1,
        }
    }
}

fn check_usize(field: &'static str, value: usize, (lo, hi): (usize, usize)) -> Result<()> {
    if value < lo || value > hi {
        return Err(Error::config(
            field,
            format!("{value} is outside the allowed range {lo}..={hi}"),
        ));
    }
    Ok(())
}

impl Config {
    /// word2vec.c's default learning rate for an architecture: 0.05 for CBOW, 0.025 for skip-gram.
    pub fn default_alpha(architecture: Architecture) -> f64 {
        match architecture {
            Architecture::Cbow => 0.05,
            Architecture::SkipGram => 0.025,
        }
    }

    /// Refuse any value outside its range, naming the field and the range.
    pub fn validate(&self) -> Result<()> {
        check_usize("dim", self.dim, limits::DIM)?;
        check_usize("window", self.window, limits::WINDOW)?;
        if self.output == OutputLayer::NegativeSampling {
            check_usize("negative", self.negative, limits::NEGATIVE)?;
        }
        check_usize("epochs", self.epochs, limits::EPOCHS)?;
        check_usize("min_count", self.min_count, limits::MIN_COUNT)?;
        check_usize("threads", self.threads, limits::THREADS)?;
        let (lo, hi) = limits::ALPHA;
        if !(self.alpha.is_finite() && self.alpha > lo && self.alpha <= hi) {
            return Err(Error::config(
                "alpha",
                format!(
                    "{} must be a number greater than {lo} and at most {hi}",
                    self.alpha
                ),
            ));
        }
        let (lo, hi) = limits::NOISE_POWER;
        if !(self.noise_power.is_finite() && self.noise_power >= lo && self.noise_power <= hi) {
            return Err(Error::config(
                "noise_power",
                format!("{} must be a number from {lo} to {hi}", self.noise_power),
            ));
        }
        let (lo, hi) = limits::SAMPLE;
        if !(self.sample.is_finite() && self.sample >= lo && self.sample < hi) {
            return Err(Error::config(
                "sample",
                format!(
                    "{} must be at least {lo} and below {hi} (0 turns subsampling off)",
                    self.sample
                ),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        Config::default().validate().unwrap();
    }

    #[test]
    fn errors_name_the_field_and_range() {
        let bad = Config {
            dim: 0,
            ..Config::default()
        };
        let msg = bad.validate().unwrap_err().to_string();
        assert!(msg.contains("dim") && msg.contains("1..=1000"), "{msg}");

        let bad = Config {
            alpha: f64::NAN,
            ..Config::default()
        };
        assert!(bad.validate().unwrap_err().to_string().contains("alpha"));

        let bad = Config {
            window: 100_000,
            ..Config::default()
        };
        assert!(bad.validate().unwrap_err().to_string().contains("window"));
    }

    #[test]
    fn negative_count_only_matters_for_negative_sampling() {
        let hs = Config {
            output: OutputLayer::Hierarchical,
            negative: 0,
            ..Config::default()
        };
        hs.validate().unwrap();
        let ns = Config {
            negative: 0,
            ..hs.clone()
        };
        let ns = Config {
            output: OutputLayer::NegativeSampling,
            ..ns
        };
        assert!(ns.validate().is_err());
    }
}
