//! Small corpora written by this project, generated from a seed.
//!
//! The lesson's claims are testable on them in seconds, each generator in a file of its own:
//! - [`tutorial`]: the worked example 深度 学习 改变 了 世界 (tutorial §2–3);
//! - [`eat_drink`]: 我 喜欢 吃 ___ / 我 喜欢 喝 ___ sentences (§1, the distributional
//!   hypothesis): foods and drinks fill different blanks, so they form two clusters;
//! - [`transformer`]: ___ 是 一种 深度 学习 模型 / ___ 使用 了 注意力 机制 (§1), with encoder
//!   models (BERT …) and decoder models (GPT …) used in slightly different sentences;
//! - [`royal`]: English sentences built so that king − man + woman ≈ queen (§6);
//! - [`polysemy`]: 苹果 as a fruit (吃 苹果) and as a phone maker (苹果 手机): one word, two senses,
//!   and static vectors give it one vector whose neighbours mix both (§7);
//! - [`zh_classics`]: five-character lines in the manner of classical verse, in which each season
//!   keeps its own flowers, birds, weather and colours.
//!
//! [`Preset`] bundles each corpus with the settings and example queries that suit it; the CLI's
//! `preset` command and the browser demo share them.
//!
//! No text is copied from anywhere; the word lists are ordinary vocabulary.

mod eat_drink;
mod polysemy;
mod royal;
mod transformer;
mod zh_classics;

pub use eat_drink::{eat_drink, DRINKS, FOODS};
pub use polysemy::polysemy;
pub use royal::royal;
pub use transformer::{transformer, DECODERS, ENCODERS};
pub use zh_classics::zh_classics;

use crate::config::{Architecture, Config, OutputLayer};
use crate::error::{Error, Result};
use crate::rng::Rng;
use crate::tokenize::{ChineseText, TokenizerOptions};

/// The corpora a user can pick, with what suits each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    Tutorial,
    EatDrink,
    Transformer,
    Royal,
    ZhClassics,
    Polysemy,
}

/// Queries that show what a preset teaches: the word whose neighbours to list, the pairs to
/// compare, and an analogy a : b :: c : ?.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Examples {
    pub query: &'static str,
    pub pairs: &'static [(&'static str, &'static str)],
    pub analogy: [&'static str; 3],
}

/// The seed the presets' corpora are generated with unless the user picks another.
pub const DEFAULT_SEED: u64 = 1;

impl Preset {
    pub const ALL: [Preset; 6] = [
        Preset::Tutorial,
        Preset::EatDrink,
        Preset::Transformer,
        Preset::Royal,
        Preset::ZhClassics,
        Preset::Polysemy,
    ];

    /// The name used on the command line, in the page's preset menu and in URLs.
    pub fn name(self) -> &'static str {
        match self {
            Preset::Tutorial => "tutorial",
            Preset::EatDrink => "eat-drink",
            Preset::Transformer => "transformer",
            Preset::Royal => "royal",
            Preset::ZhClassics => "zh-classics",
            Preset::Polysemy => "polysemy",
        }
    }

    pub fn from_name(name: &str) -> Result<Preset> {
        Preset::ALL
            .into_iter()
            .find(|p| p.name() == name)
            .ok_or_else(|| {
                let names: Vec<&str> = Preset::ALL.iter().map(|p| p.name()).collect();
                Error::config(
                    "preset",
                    format!("unknown preset '{name}' (one of {})", names.join(", ")),
                )
            })
    }

    /// The corpus at its usual size, generated from `seed`.
    pub fn text(self, seed: u64) -> String {
        self.generate(seed, self.default_size())
    }

    /// How many sentences (lines of verse for zh-classics) the usual corpus has.
    pub fn default_size(self) -> usize {
        match self {
            Preset::Tutorial => 1,
            Preset::EatDrink => 2000,
            Preset::Transformer => 1500,
            Preset::Royal => 6000,
            Preset::ZhClassics => 8000,
            Preset::Polysemy => 3000,
        }
    }

    /// The corpus with `size` sentences, generated from `seed` (the tutorial sentence ignores
    /// both).
    pub fn generate(self, seed: u64, size: usize) -> String {
        match self {
            Preset::Tutorial => tutorial(),
            Preset::EatDrink => eat_drink(seed, size),
            Preset::Transformer => transformer(seed, size),
            Preset::Royal => royal(seed, size),
            Preset::ZhClassics => zh_classics(seed, size),
            Preset::Polysemy => polysemy(seed, size),
        }
    }

    /// Hyperparameters under which the preset shows its lesson in a few seconds.
    pub fn config(self) -> Config {
        let base = Config {
            min_count: 1,
            sample: 0.0,
            seed: Some(DEFAULT_SEED),
            ..Config::default()
        };
        match self {
            // The worked example: window 2, N = 3, full softmax over five words, and many
            // passes because the corpus is one sentence.
            Preset::Tutorial => Config {
                output: OutputLayer::Softmax,
                dim: 3,
                window: 2,
                dynamic_window: false,
                epochs: 300,
                ..base
            },
            Preset::EatDrink => Config {
                dim: 20,
                window: 3,
                epochs: 5,
                ..base
            },
            Preset::Transformer => Config {
                architecture: Architecture::SkipGram,
                alpha: Config::default_alpha(Architecture::SkipGram),
                dim: 30,
                window: 4,
                epochs: 10,
                ..base
            },
            Preset::Royal => Config {
                dim: 30,
                window: 5,
                epochs: 10,
                ..base
            },
            Preset::Polysemy => Config {
                architecture: Architecture::SkipGram,
                alpha: Config::default_alpha(Architecture::SkipGram),
                dim: 30,
                window: 3,
                epochs: 5,
                ..base
            },
            Preset::ZhClassics => Config {
                architecture: Architecture::SkipGram,
                alpha: Config::default_alpha(Architecture::SkipGram),
                dim: 50,
                window: 4,
                epochs: 5,
                sample: 1e-3,
                ..base
            },
        }
    }

    /// How the preset's text is split into tokens: the verse is split into characters, the
    /// others are already segmented with spaces.
    pub fn tokenizer(self) -> TokenizerOptions {
        TokenizerOptions {
            lowercase: false,
            strip_punctuation: true,
            chinese: if self == Preset::ZhClassics {
                ChineseText::Characters
            } else {
                ChineseText::Spaces
            },
        }
    }

    pub fn examples(self) -> Examples {
        match self {
            Preset::Tutorial => Examples {
                query: "改变",
                pairs: &[("深度", "学习"), ("改变", "世界"), ("深度", "世界")],
                analogy: ["深度", "学习", "改变"],
            },
            Preset::EatDrink => Examples {
                query: "苹果",
                pairs: &[
                    ("苹果", "香蕉"),
                    ("咖啡", "茶"),
                    ("苹果", "咖啡"),
                    ("吃", "喝"),
                ],
                analogy: ["吃", "好吃", "喝"],
            },
            Preset::Transformer => Examples {
                query: "BERT",
                pairs: &[("BERT", "GPT"), ("BERT", "RoBERTa"), ("GPT", "翻译")],
                analogy: ["编码器", "理解", "解码器"],
            },
            Preset::Royal => Examples {
                query: "king",
                pairs: &[("king", "queen"), ("man", "woman"), ("king", "village")],
                analogy: ["man", "king", "woman"],
            },
            Preset::Polysemy => Examples {
                query: "苹果",
                pairs: &[("苹果", "香蕉"), ("苹果", "华为"), ("香蕉", "华为")],
                analogy: ["香蕉", "吃", "手机"],
            },
            Preset::ZhClassics => Examples {
                query: "月",
                pairs: &[("春", "秋"), ("桃", "菊"), ("雪", "梅"), ("春", "雪")],
                analogy: ["春", "燕", "冬"],
            },
        }
    }
}

/// The tutorial's five-word sentence.
pub fn tutorial() -> String {
    "深度 学习 改变 了 世界\n".to_string()
}

/// One of `list`, drawn uniformly (the generators' every choice).
fn pick<'a>(rng: &mut Rng, list: &[&'a str]) -> &'a str {
    list[rng.below(list.len() as u32) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_has_a_valid_config_and_its_examples_are_in_its_corpus() {
        for p in Preset::ALL {
            assert_eq!(Preset::from_name(p.name()).unwrap(), p);
            p.config().validate().unwrap();
            let text = p.text(DEFAULT_SEED);
            let corpus = crate::Corpus::from_text(&text, p.tokenizer(), 1).unwrap();
            let ex = p.examples();
            let words = ex
                .pairs
                .iter()
                .flat_map(|(a, b)| [*a, *b])
                .chain(ex.analogy)
                .chain([ex.query]);
            for w in words {
                assert!(
                    corpus.vocab.id(w).is_some(),
                    "{}: {w} not in corpus",
                    p.name()
                );
            }
        }
        let err = Preset::from_name("nope").unwrap_err().to_string();
        assert!(err.contains("nope") && err.contains("zh-classics"), "{err}");
    }
}
