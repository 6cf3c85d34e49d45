//! Hyperparameters: which model to train and how.
//!
//! Names follow Google's `word2vec` tool (word2vec.c `main()`), so `-size` is [`Config::dim`],
//! `-iter` is [`Config::epochs`] and so on. The choice of architecture (tutorial §2–3) and of output
//! layer (§2 full softmax, §4 negative sampling, §5 hierarchical softmax) are explicit enums.
//! [`Config::validate`] refuses every value outside its range with a message naming the field, so
//! nothing invalid ever reaches the trainer.

use crate::error::{Error, Result};
use crate::schema::{Choice, Kind, Named, Setting, Value};
use crate::settings;

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

impl Choice for Architecture {
    const ALL: &'static [Architecture] = &[Architecture::Cbow, Architecture::SkipGram];
    const NAMES: &'static [&'static str] = &["cbow", "skipgram"];
}

impl Choice for OutputLayer {
    const ALL: &'static [OutputLayer] = &[
        OutputLayer::Softmax,
        OutputLayer::NegativeSampling,
        OutputLayer::Hierarchical,
    ];
    const NAMES: &'static [&'static str] = &["softmax", "negative", "hierarchical"];
}

impl Choice for CbowContext {
    const ALL: &'static [CbowContext] = &[CbowContext::Mean, CbowContext::Sum];
    const NAMES: &'static [&'static str] = &["mean", "sum"];
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
    pub const fn closed(min: f64, max: f64) -> Range {
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

settings! {
    /// Everything that defines a training run: word2vec.c's defaults, each setting's range, flag
    /// and place on the page (one row each, `crate::schema`).
    #[derive(Debug, Clone, PartialEq)]
    pub struct Config {
        /// CBOW (the context predicts the word) or skip-gram (the word predicts its context)
        architecture: Architecture = Architecture::Cbow,
            Setting::of(Kind::Choice(Architecture::NAMES)).form().attribute("arch");
        /// how the predicted word's probability is computed
        output: OutputLayer = OutputLayer::NegativeSampling,
            Setting::of(Kind::Choice(OutputLayer::NAMES)).form().attribute("output");
        /// how CBOW combines the context rows into h
        cbow_context: CbowContext = CbowContext::Mean, Setting::of(Kind::Choice(CbowContext::NAMES));
        /// dimensions of the word vectors
        ///
        /// The embedding size N (word2vec's `-size`).
        dim: usize = 100,
            Setting::of(Kind::Whole(Range::closed(1.0, 1_000.0))).flag("size").form().attribute("dim");
        /// context words on each side
        ///
        /// The window c (`-window`).
        window: usize = 5,
            Setting::of(Kind::Whole(Range::closed(1.0, 100.0))).flag("window").form().attribute("window");
        /// word2vec's random window shrink
        ///
        /// Each position uses a window drawn uniformly from 1..=c. Off, every position uses
        /// exactly c (the tutorial's fixed window).
        dynamic_window: bool = true, Setting::of(Kind::Switch);
        /// noise words per positive pair (negative sampling)
        ///
        /// Only negative sampling uses it (and only then is it checked). `w2v train`'s own
        /// `-negative` also picks the output layer (0 = off), so the row names no flag.
        negative: usize = 5, Setting::of(Kind::Whole(Range::closed(1.0, 100.0))).form();
        /// noise distribution exponent: P(w) ∝ count^power
        ///
        /// 0.75 in word2vec (tutorial §4, `network/noise.rs`).
        noise_power: f64 = 0.75,
            Setting::of(Kind::Real(Range::closed(0.0, 2.0))).flag("power").form();
        /// training epochs
        ///
        /// Passes over the corpus (`-iter`).
        epochs: usize = 5,
            Setting::of(Kind::Whole(Range::closed(1.0, 1_000.0))).flag("iter").form().attribute("epochs");
        /// starting learning rate
        ///
        /// `-alpha`; decays linearly to alpha · `alpha_floor`. It must be positive.
        alpha: f64 = 0.05,
            Setting::of(Kind::Real(Range { min_open: true, ..Range::closed(0.0, 10.0) })).flag("alpha").form();
        /// the lowest learning rate, as a fraction of the starting one
        ///
        /// The linear decay stops at alpha · alpha_floor: word2vec.c's 10⁻⁴. 0 lets the rate
        /// reach almost zero at the end; 1 keeps it constant.
        alpha_floor: f64 = 1e-4,
            Setting::of(Kind::Real(Range::closed(0.0, 1.0))).flag("alpha-floor").form();
        /// discard words seen fewer times
        min_count: usize = 5,
            Setting::of(Kind::Whole(Range::closed(1.0, 1_000_000.0))).flag("min-count").form();
        /// subsampling threshold for frequent words; 0 = off
        ///
        /// The threshold t (`-sample`); 1 would keep nothing.
        sample: f64 = 1e-3,
            Setting::of(Kind::Real(Range { max_open: true, ..Range::closed(0.0, 1.0) })).flag("sample").form();
        /// seed for every random choice; same seed + settings + corpus = same vectors (one thread)
        ///
        /// `None` seeds from the operating system. The row's range is the page's (a u32, exact in
        /// its numbers and links); the core takes any u64.
        seed: Option<u64> = None,
            Setting::of(Kind::WholeOrNone(Range::closed(0.0, u32::MAX as f64))).flag("seed").form().attribute("seed");
        /// training threads (more than 1 = Hogwild, not bit-reproducible)
        ///
        /// With more than one, the threads take blocks of sentences in turn and train them side
        /// by side on shared weights without locks (Hogwild!, `train/`): faster, but the result
        /// is no longer the same bit for bit from run to run.
        threads: usize = 1,
            Setting::of(Kind::Whole(Range::closed(1.0, 64.0))).flag("threads").form();
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
        for s in Config::SETTINGS {
            // The seed's range is the page's (see `Kind::WholeOrNone`): the core takes any u64.
            let (Kind::Whole(range) | Kind::Real(range)) = s.kind else {
                continue;
            };
            let Some(Value::Number(value)) = self.get(s.name) else {
                continue;
            };
            if s.name == "negative" && self.output != OutputLayer::NegativeSampling {
                continue;
            }
            if !range.contains(value) {
                return Err(Error::config(s.name, out_of_range(value, s)));
            }
        }
        Ok(())
    }
}

/// Why `value` is refused, in words for the kind of range.
fn out_of_range(value: f64, s: &Setting) -> String {
    let Some(Range {
        min,
        max,
        min_open,
        max_open,
    }) = s.kind.range()
    else {
        return format!("{value} is not a number");
    };
    let whole = !matches!(s.kind, Kind::Real(_));
    match (whole, min_open, max_open) {
        (true, _, _) => format!("{value} is outside the allowed range {min}..={max}"),
        (false, true, false) => {
            format!("{value} must be a number greater than {min} and at most {max}")
        }
        (false, false, true) if s.name == "sample" => {
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
            c.set(field, Value::Number(x))?;
            c.validate()
        };
        for n in Config::SETTINGS {
            let (Kind::Whole(r) | Kind::Real(r)) = n.kind else {
                continue;
            };
            let step = if matches!(n.kind, Kind::Real(_)) {
                1e-9
            } else {
                1.0
            };
            assert_eq!(
                with(n.name, r.min).is_ok(),
                !r.min_open,
                "{} at its minimum",
                n.name
            );
            assert_eq!(
                with(n.name, r.max).is_ok(),
                !r.max_open,
                "{} at its maximum",
                n.name
            );
            assert!(with(n.name, r.min + step).is_ok() && with(n.name, r.max - step).is_ok());
            for outside in [r.min - step, r.max + step]
                .into_iter()
                .filter(|x| *x >= 0.0)
            {
                let e = with(n.name, outside).unwrap_err().to_string();
                assert!(e.contains(n.name), "{e}");
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
