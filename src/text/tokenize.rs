//! From raw text to tokens.
//!
//! A line is a sentence; tokens are separated by Unicode white space, as in word2vec.c's
//! `ReadWord` (which splits on space, tab and newline). Three options make the demo usable on text
//! that was not prepared for word2vec:
//! - `lowercase`: fold case (`The` and `the` become one word);
//! - `strip_punctuation`: treat punctuation (ASCII and the common Unicode and CJK marks such as
//!   `。，、“”《》`) as white space;
//! - `chinese`: how Chinese (and other CJK text) is read, a [`ChineseText`]: as written, words
//!   separated by spaces (`深度 学习 改变 了 世界`); one token per character, so that unsegmented
//!   text still trains (on characters, as classical Chinese is read); or cut into words by a
//!   segmenter ([`crate::segment`]) before the tokenizer sees it, as people write Chinese
//!   (`深度学习改变了世界` → 深度 学习 改变 了 世界).
//!
//! Bytes that are not UTF-8 are replaced by U+FFFD (see [`decode_lossy`]), never fatal.

use std::borrow::Cow;

use crate::schema::{Choice, Kind, Setting};
use crate::settings;

/// How Chinese text becomes tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChineseText {
    /// As written: white space separates the words (text segmented beforehand, or not Chinese).
    #[default]
    Spaces,
    /// Every CJK ideograph (and kana) is a token of its own.
    Characters,
    /// Cut into words by the segmenter ([`crate::segment::Segmenter`]) first, then read as
    /// `Spaces`. The tokenizer itself does not segment: whoever reads the text (the CLI, the
    /// browser's worker) runs the segmenter over each line before tokenizing it.
    Words,
}

/// The names the CLI (`-segment`), the page and links use.
impl Choice for ChineseText {
    const ALL: &'static [ChineseText] = &[
        ChineseText::Words,
        ChineseText::Characters,
        ChineseText::Spaces,
    ];
    const NAMES: &'static [&'static str] = &["words", "characters", "spaces"];
}

impl ChineseText {
    /// How a user's own text is best read: `Words` when it has Chinese written without spaces,
    /// `Spaces` when its Chinese is already segmented (or it has none). Segmented Chinese has
    /// short runs of ideographs between spaces (words of one to four characters, about 1.7 on
    /// average); unsegmented text has whole clauses, tens of characters long.
    pub fn detect(text: &str) -> ChineseText {
        CjkRuns::count(text).chinese()
    }
}

/// Runs of CJK characters in a text (or a sample of it), and the other tokens around them: what
/// [`ChineseText::detect`] decides on, and what a text's length in words is estimated from
/// ([`crate::own_text`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CjkRuns {
    /// CJK characters.
    pub characters: u64,
    /// Maximal runs of them.
    pub runs: u64,
    /// White-space-separated tokens with no CJK character.
    pub other_tokens: u64,
    /// UTF-8 bytes read.
    pub bytes: u64,
}

impl CjkRuns {
    /// Mean run length (in characters) from which a text is taken as unsegmented.
    const UNSEGMENTED_FROM: u64 = 4;

    /// Count all of `text` (pass a sample of a long one: the page sends the first 100,000
    /// characters).
    pub fn count(text: &str) -> CjkRuns {
        let mut n = CjkRuns::default();
        let (mut in_run, mut in_token, mut token_has_cjk) = (false, false, false);
        for c in text.chars() {
            let cjk = is_cjk(c);
            n.bytes += c.len_utf8() as u64;
            n.characters += cjk as u64;
            n.runs += (cjk && !in_run) as u64;
            in_run = cjk;
            if c.is_whitespace() {
                n.other_tokens += (in_token && !token_has_cjk) as u64;
                in_token = false;
                token_has_cjk = false;
            } else {
                in_token = true;
                token_has_cjk |= cjk;
            }
        }
        n.other_tokens += (in_token && !token_has_cjk) as u64;
        n
    }

    /// `Words` for unsegmented Chinese (long runs), else `Spaces`.
    pub fn chinese(self) -> ChineseText {
        if self.characters >= 2 && self.characters >= Self::UNSEGMENTED_FROM * self.runs {
            ChineseText::Words
        } else {
            ChineseText::Spaces
        }
    }
}

settings! {
    /// How raw text is cut into tokens (one row per switch, `crate::schema`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct TokenizerOptions {
        /// fold text to lower case
        lowercase: bool = false, Setting::of(Kind::Switch).flag("lowercase");
        /// treat punctuation as white space
        strip_punctuation: bool = false, Setting::of(Kind::Switch).flag("strip-punct");
        /// Chinese text: cut into words (jieba), one token per character, or as written (spaces between words)
        ///
        /// `words` is the segmenter's work before the tokenizer (which reads it as `spaces`).
        chinese: ChineseText = ChineseText::Spaces,
            Setting::of(Kind::Choice(ChineseText::NAMES)).flag("segment").form().attribute("chinese");
    }
}

/// Decode bytes as UTF-8, replacing invalid sequences. The flag says whether anything was replaced
/// (the front end shows a warning then).
pub fn decode_lossy(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    let text = String::from_utf8_lossy(bytes);
    let replaced = matches!(text, Cow::Owned(_));
    (text, replaced)
}

/// CJK ideographs and Japanese kana: scripts written without spaces between words.
#[inline(never)] // one copy in the (size-budgeted) wasm module for all its callers
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF       // Hiragana, Katakana
        | 0x3400..=0x4DBF     // CJK Extension A
        | 0x4E00..=0x9FFF     // CJK Unified Ideographs
        | 0xF900..=0xFAFF     // CJK Compatibility Ideographs
        | 0x20000..=0x2FA1F   // Extensions B–F and compatibility supplement
        | 0x30000..=0x3134F) // Extension G
}

/// ASCII punctuation plus the Unicode punctuation blocks that occur in ordinary English and Chinese
/// text (general punctuation, CJK symbols and punctuation, full-width forms, Latin-1 marks).
pub fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    matches!(c as u32,
        0x00A1 | 0x00A7 | 0x00AB | 0x00B6 | 0x00B7 | 0x00BB | 0x00BF
        | 0x2010..=0x2027     // dashes, quotes, ellipsis
        | 0x2030..=0x205E     // per mille, primes, other marks
        | 0x3001..=0x3003     // 、。〃
        | 0x3008..=0x3011     // 〈〉《》「」『』【】
        | 0x3014..=0x301F     // 〔〕〖〗〘〙〚〛〜〝〞〟
        | 0x30FB              // ・
        | 0xFE10..=0xFE19     // vertical forms
        | 0xFE30..=0xFE6B     // compatibility and small forms
        | 0xFF01..=0xFF0F     // ！＂＃＄％＆＇（）＊＋，－．／
        | 0xFF1A..=0xFF20     // ：；＜＝＞？＠
        | 0xFF3B..=0xFF40     // ［＼］＾＿｀
        | 0xFF5B..=0xFF65) // ｛｜｝～ and half-width CJK marks
}

impl TokenizerOptions {
    /// Call `emit` once per token of `line`, in order. Allocation-free when no option is on.
    pub fn for_each_token(&self, line: &str, mut emit: impl FnMut(&str)) {
        self.each_token(line, &mut emit);
    }

    /// The loop itself, once for every caller (a `dyn` callback: one copy of the code in the
    /// wasm module, whose size is budgeted, instead of one per caller).
    fn each_token(&self, line: &str, emit: &mut dyn FnMut(&str)) {
        let split_cjk = self.chinese == ChineseText::Characters;
        if !self.lowercase && !self.strip_punctuation && !split_cjk {
            line.split_whitespace().for_each(emit);
            return;
        }
        let mut token = String::new();
        let flush = |token: &mut String, emit: &mut dyn FnMut(&str)| {
            if !token.is_empty() {
                emit(token);
                token.clear();
            }
        };
        for c in line.chars() {
            if c.is_whitespace() || (self.strip_punctuation && is_punctuation(c)) {
                flush(&mut token, emit);
            } else if split_cjk && is_cjk(c) {
                flush(&mut token, emit);
                token.push(c);
                flush(&mut token, emit);
            } else if self.lowercase {
                token.extend(c.to_lowercase());
            } else {
                token.push(c);
            }
        }
        flush(&mut token, emit);
    }

    /// The tokens of one line, collected (convenient for tests and small inputs).
    pub fn tokens(&self, line: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.for_each_token(line, |t| out.push(t.to_string()));
        out
    }
}

/// Lines of a text: `\n` ends a line, a trailing `\r` is dropped.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: TokenizerOptions = TokenizerOptions {
        lowercase: true,
        strip_punctuation: true,
        chinese: ChineseText::Characters,
    };

    #[test]
    fn splits_on_unicode_whitespace() {
        let plain = TokenizerOptions::default();
        assert_eq!(
            plain.tokens("深度 学习\u{3000}改变\t了  世界\u{a0}!"),
            ["深度", "学习", "改变", "了", "世界", "!"]
        );
    }

    #[test]
    fn cjk_runs_become_characters() {
        let cjk = TokenizerOptions {
            chinese: ChineseText::Characters,
            ..Default::default()
        };
        assert_eq!(
            cjk.tokens("深度学习改变了世界"),
            ["深", "度", "学", "习", "改", "变", "了", "世", "界"]
        );
        assert_eq!(cjk.tokens("GPT模型 BERT"), ["GPT", "模", "型", "BERT"]);
        // Pre-segmented text keeps its words when the option is off.
        assert_eq!(
            TokenizerOptions::default().tokens("深度 学习"),
            ["深度", "学习"]
        );
    }

    #[test]
    fn punctuation_separates_and_case_folds() {
        assert_eq!(
            ALL.tokens("The King's crown, “the QUEEN”。世界！"),
            ["the", "king", "s", "crown", "the", "queen", "世", "界"]
        );
    }

    #[test]
    fn invalid_utf8_is_replaced_not_fatal() {
        let (text, replaced) = decode_lossy(b"ok \xff\xfe word");
        assert!(replaced);
        assert_eq!(
            TokenizerOptions::default().tokens(&text),
            ["ok", "\u{fffd}\u{fffd}", "word"]
        );
        assert!(!decode_lossy("深度".as_bytes()).1);
    }

    #[test]
    fn detects_how_chinese_is_written() {
        use ChineseText::*;
        assert_eq!(ChineseText::detect("深度学习改变了世界"), Words);
        assert_eq!(
            ChineseText::detect("我每天喜欢喝红茶。\n他喜欢喝咖啡。"),
            Words
        );
        assert_eq!(ChineseText::detect("深度 学习 改变 了 世界"), Spaces);
        assert_eq!(
            ChineseText::detect("我 喜欢 喝 咖啡\n你 喜欢 吃 面包"),
            Spaces
        );
        assert_eq!(ChineseText::detect("the king and the queen"), Spaces);
        assert_eq!(ChineseText::detect("Beijing (北京) is a city"), Spaces);
        assert_eq!(ChineseText::detect(""), Spaces);
        for &c in ChineseText::ALL {
            assert_eq!(ChineseText::from_name(c.name()), Some(c));
        }
        assert_eq!(ChineseText::from_name("jieba"), None);
    }

    #[test]
    fn lines_drop_carriage_returns() {
        assert_eq!(lines("a b\r\nc\n").collect::<Vec<_>>(), ["a b", "c", ""]);
    }
}
