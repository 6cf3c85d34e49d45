//! Settings for the user's own text, scaled to it.
//!
//! The presets come with settings that show their lesson (the tutorial's 300 epochs over one
//! sentence, three dimensions, full softmax). A text a teacher pastes needs others, and which
//! depends on its size: a sentence wants every word kept and many passes, a book wants
//! word2vec.c's defaults. [`OwnText::settings`] derives them from a sample of the text and an
//! estimate of its length, so a paste trains sensibly on the first press of Train:
//!
//! | tokens (one epoch) | epochs | min count | dimensions | architecture | subsampling |
//! |---|---|---|---|---|---|
//! | < 1,000 | 300,000 / tokens, at most 1,000 | 1 | 10 | skip-gram | off |
//! | < 10,000 | 300,000 / tokens | 1 | 50 | skip-gram | off |
//! | < 100,000 | 300,000 / tokens, at least 5 | 2 | 50 | skip-gram | 1e-3 |
//! | < 1,000,000 | 5 | 2 | 100 | skip-gram | 1e-3 |
//! | more | 5 | 5 | 100 | CBOW | 1e-3 |
//!
//! - epochs: enough passes to see about [`WORDS_TO_SEE`] words (what the small presets train on
//!   to show structure), never fewer than word2vec's 5 nor more than the limit;
//! - min count: a word seen once in a short text is still a word of the lesson; word2vec's 5
//!   only where the vocabulary would otherwise be mostly typos and names;
//! - skip-gram for all but large texts: it learns better from little data (Mikolov et al. 2013a,
//!   §4); CBOW is several times faster where there is plenty;
//! - subsampling off for short texts, where it would drop most occurrences of every frequent word
//!   (and the lesson's sentence could not be traced);
//! - negative sampling, window 5, word2vec's learning rate for the architecture; punctuation is
//!   white space; Chinese is read as [`ChineseText::detect`] finds it written.

use crate::config::{Architecture, Config};
use crate::presets::DEFAULT_SEED;
use crate::tokenize::{ChineseText, CjkRuns, TokenizerOptions};

/// Words (epochs × tokens) a small text is trained on.
pub const WORDS_TO_SEE: u64 = 300_000;

/// Characters per word in segmented Chinese (about 1.6 in running text): how many words a run of
/// unsegmented characters makes, before the segmenter has cut it.
const CHARACTERS_PER_WORD: f64 = 1.6;

/// What the settings are derived from: how the text is written and how long it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OwnText {
    pub chinese: ChineseText,
    /// Tokens in one pass over the whole text (estimated from the sample for a large file).
    pub tokens: u64,
}

impl OwnText {
    /// Read `sample`, the start of a text of `total_bytes` bytes (the whole text when they are
    /// equal): how its Chinese is written and about how many tokens the whole has.
    #[inline(never)] // one copy in the wasm module for its two callers (its size is budgeted)
    pub fn measure(sample: &str, total_bytes: u64) -> OwnText {
        let n = CjkRuns::count(sample);
        let chinese = n.chinese();
        // Segmented or not Chinese: a token is a word; unsegmented: so many characters a word.
        // Tokens that mix CJK characters and others count by their characters.
        let words = match chinese {
            ChineseText::Words => n.other_tokens as f64 + n.characters as f64 / CHARACTERS_PER_WORD,
            _ => (n.other_tokens + n.runs) as f64,
        };
        let scale = if n.bytes == 0 {
            1.0
        } else {
            (total_bytes as f64 / n.bytes as f64).max(1.0)
        };
        OwnText {
            chinese,
            // Rounded to the nearest (`f64::round` would bring a software routine into the wasm).
            tokens: (words * scale + 0.5) as u64,
        }
    }

    /// The configuration and tokenizer for this text (the table above).
    pub fn settings(self) -> (Config, TokenizerOptions) {
        let tokens = self.tokens.max(1);
        let architecture = if tokens < 1_000_000 {
            Architecture::SkipGram
        } else {
            Architecture::Cbow
        };
        let config = Config {
            architecture,
            alpha: Config::default_alpha(architecture),
            epochs: WORDS_TO_SEE.div_ceil(tokens).clamp(5, 1_000) as usize,
            min_count: match tokens {
                0..10_000 => 1,
                10_000..1_000_000 => 2,
                _ => 5,
            },
            dim: match tokens {
                0..1_000 => 10,
                1_000..100_000 => 50,
                _ => 100,
            },
            sample: if tokens < 10_000 { 0.0 } else { 1e-3 },
            seed: Some(DEFAULT_SEED),
            ..Config::default()
        };
        let tokenizer = TokenizerOptions {
            strip_punctuation: true,
            chinese: self.chinese,
            ..TokenizerOptions::default()
        };
        (config, tokenizer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own(text: &str) -> (Config, TokenizerOptions) {
        OwnText::measure(text, text.len() as u64).settings()
    }

    #[test]
    fn the_lessons_sentence_trains_and_is_kept_whole() {
        let (config, tokenizer) = own("深度学习改变了世界");
        config.validate().unwrap();
        assert_eq!(tokenizer.chinese, ChineseText::Words);
        assert_eq!(
            (config.min_count, config.sample, config.epochs),
            (1, 0.0, 1_000)
        );
        let (config, tokenizer) = own("深度 学习 改变 了 世界");
        assert_eq!(tokenizer.chinese, ChineseText::Spaces);
        assert_eq!(config.epochs, 1_000);
    }

    #[test]
    fn settings_scale_with_the_text() {
        let line = "the king and the queen ruled the land\n";
        // 15,000 tokens: 20 epochs, words seen twice.
        let text = line.repeat(15_000 / 8);
        let (config, _) = own(&text);
        config.validate().unwrap();
        assert_eq!(config.architecture, Architecture::SkipGram);
        assert_eq!((config.epochs, config.min_count, config.dim), (20, 2, 50));
        // A large file measured from its start: word2vec's defaults.
        let m = OwnText::measure(line, 30_000_000);
        assert!(m.tokens > 5_000_000, "{m:?}");
        let (config, _) = m.settings();
        assert_eq!(config.architecture, Architecture::Cbow);
        assert_eq!(
            (config.epochs, config.min_count, config.dim, config.sample),
            (5, 5, 100, 1e-3)
        );
        assert_eq!(config.alpha, Config::default_alpha(Architecture::Cbow));
    }

    #[test]
    fn unsegmented_chinese_is_counted_in_words() {
        // 1,200 lines of nine characters (about 5.6 words each): the scale of a chapter.
        let text = "我每天喜欢喝红茶。\n".repeat(1_200);
        let m = OwnText::measure(&text, text.len() as u64);
        assert_eq!(m.chinese, ChineseText::Words);
        assert!((6_000..8_000).contains(&m.tokens), "{m:?}");
        let (config, tokenizer) = m.settings();
        assert_eq!(tokenizer.chinese, ChineseText::Words);
        assert!(tokenizer.strip_punctuation);
        assert_eq!((config.min_count, config.sample), (1, 0.0));
    }
}
