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

/// The values a numeric setting allows: `min` to `max`, an end itself refused where it is open.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(
    all(target_arch = "wasm32", target_os = "unknown"),
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
pub struct Range {
    pub min: f64,
    pub max: f64,
    pub min_open: bool,
    pub max_open: bool,
}

impl Range {
    const fn closed(min: f64, max: f64) -> Range {
        Range {
            min,
            max,
            min_open: false,
            max_open: false,
        }
    }

    pub fn contains(&self, x: f64) -> bool {
        let above = if self.min_open {
            x > self.min
        } else {
            x >= self.min
        };
        let below = if self.max_open {
            x < self.max
        } else {
            x <= self.max
        };
        x.is_finite() && above && below
    }
}

/// A numeric setting: its field in [`Config`] (as errors name it; the page names it in camelCase,
/// `min_count` as `minCount`, as the binding's serde form does), whether it takes whole numbers,
/// and its range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeric {
    pub field: &'static str,
    pub whole: bool,
    pub range: Range,
}

/// Every numeric setting and its range, written once: [`Config::validate`] checks them, and the
/// explorer's binding gives them to the page's unit tests (which compare its own ranges with
/// them). The learning rate must be positive; a subsampling threshold of 1 would keep nothing.
#[rustfmt::skip]
pub const NUMERIC: &[Numeric] = &[
    Numeric { field: "dim", whole: true, range: Range::closed(1.0, 1_000.0) },
    Numeric { field: "window", whole: true, range: Range::closed(1.0, 100.0) },
    Numeric { field: "negative", whole: true, range: Range::closed(1.0, 100.0) },
    Numeric { field: "epochs", whole: true, range: Range::closed(1.0, 1_000.0) },
    Numeric { field: "min_count", whole: true, range: Range::closed(1.0, 1_000_000.0) },
    Numeric { field: "threads", whole: true, range: Range::closed(1.0, 64.0) },
    Numeric { field: "alpha", whole: false, range: Range { min_open: true, ..Range::closed(0.0, 10.0) } },
    Numeric { field: "noise_power", whole: false, range: Range::closed(0.0, 2.0) },
    Numeric { field: "sample", whole: false, range: Range { max_open: true, ..Range::closed(0.0, 1.0) } },
];

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

impl Config {
    /// word2vec.c's default learning rate for an architecture: 0.05 for CBOW, 0.025 for skip-gram.
    pub fn default_alpha(architecture: Architecture) -> f64 {
        match architecture {
            Architecture::Cbow => 0.05,
            Architecture::SkipGram => 0.025,
        }
    }

    /// Refuse any value outside its range, naming the field and the range (the number of noise
    /// words only for negative sampling, which uses it).
    pub fn validate(&self) -> Result<()> {
        for n in NUMERIC {
            if n.field == "negative" && self.output != OutputLayer::NegativeSampling {
                continue;
            }
            let value = self.number(n.field);
            if !n.range.contains(value) {
                return Err(Error::config(n.field, out_of_range(value, n)));
            }
        }
        Ok(())
    }

    /// The value of the numeric setting `field`, as a number (NaN for a name not in [`NUMERIC`],
    /// which no range contains).
    fn number(&self, field: &str) -> f64 {
        match field {
            "dim" => self.dim as f64,
            "window" => self.window as f64,
            "negative" => self.negative as f64,
            "epochs" => self.epochs as f64,
            "min_count" => self.min_count as f64,
            "threads" => self.threads as f64,
            "alpha" => self.alpha,
            "noise_power" => self.noise_power,
            "sample" => self.sample,
            _ => f64::NAN,
        }
    }
}

/// Why `value` is refused, in words for the kind of range.
fn out_of_range(value: f64, n: &Numeric) -> String {
    let Range {
        min,
        max,
        min_open,
        max_open,
    } = n.range;
    match (n.whole, min_open, max_open) {
        (true, _, _) => format!("{value} is outside the allowed range {min}..={max}"),
        (false, true, false) => {
            format!("{value} must be a number greater than {min} and at most {max}")
        }
        (false, false, true) if n.field == "sample" => {
            format!("{value} must be at least {min} and below {max} (0 turns subsampling off)")
        }
        (false, false, true) => format!("{value} must be at least {min} and below {max}"),
        _ => format!("{value} must be a number from {min} to {max}"),
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

    /// Every range in the table is the one validation applies: its ends accepted unless open,
    /// a step past them refused with the field's name.
    #[test]
    fn validation_applies_every_range_of_the_table() {
        let with = |field: &str, x: f64| {
            let mut c = Config::default();
            match field {
                "dim" => c.dim = x as usize,
                "window" => c.window = x as usize,
                "negative" => c.negative = x as usize,
                "epochs" => c.epochs = x as usize,
                "min_count" => c.min_count = x as usize,
                "threads" => c.threads = x as usize,
                "alpha" => c.alpha = x,
                "noise_power" => c.noise_power = x,
                "sample" => c.sample = x,
                other => panic!("{other}"),
            }
            c.validate()
        };
        for n in NUMERIC {
            let r = n.range;
            let step = if n.whole { 1.0 } else { 1e-9 };
            assert_eq!(
                with(n.field, r.min).is_ok(),
                !r.min_open,
                "{} at its minimum",
                n.field
            );
            assert_eq!(
                with(n.field, r.max).is_ok(),
                !r.max_open,
                "{} at its maximum",
                n.field
            );
            assert!(with(n.field, r.min + step).is_ok() && with(n.field, r.max - step).is_ok());
            for outside in [r.min - step, r.max + step]
                .into_iter()
                .filter(|x| *x >= 0.0)
            {
                let e = with(n.field, outside).unwrap_err().to_string();
                assert!(e.contains(n.field), "{e}");
            }
        }
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
