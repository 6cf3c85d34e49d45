//! Chinese word segmentation: `深度学习改变了世界` → 深度 学习 改变 了 世界.
//!
//! Chinese is written without spaces between words, and word2vec learns one vector per *word*:
//! before the tokenizer ([`crate::tokenize`]) sees a line of Chinese, the segmenter cuts it into
//! words. It is jieba (the `jieba-rs` crate, MIT), the segmenter most Chinese NLP tutorials use:
//!
//! 1. a prefix dictionary of about 349,000 words with their counts gives every way to cut a
//!    clause into dictionary words (a DAG over its characters);
//! 2. the cut with the highest product of word probabilities count(w) / Σ count wins (dynamic
//!    programming from the end of the clause);
//! 3. runs of single characters that the dictionary does not join are read by an HMM over the
//!    tags B/M/E/S (begin, middle, end of a word, single), so unknown words such as names still
//!    come out whole (Viterbi decoding).
//!
//! The dictionary is jieba's own `dict.txt`: natively it is compiled in (jieba-rs's
//! `default-dict` feature); in the browser the build derives a file from the same `dict.txt`
//! (`scripts/build.mjs`) that the worker fetches only when Chinese text is segmented, and passes
//! to [`Segmenter::from_dictionary`].
//!
//! **Dictionary words** (the user's own, one per line) are always cut out whole, even inside a
//! longer dictionary entry: jieba's dictionary has collocations such as 喝咖啡 and 吃饺子, and a
//! teacher who wants 咖啡 to be a word gets 喝 / 咖啡. Each user word is added to the dictionary
//! (so it joins its characters), and a segment that contains a user word as a proper part is cut
//! again around it.
//!
//! Reference: Sun Junyi, jieba (2012), <https://github.com/fxsjy/jieba>.

use std::io::BufReader;

use jieba_rs::Jieba;

use crate::error::{Error, Result};

/// A segmenter: jieba with a dictionary, plus the user's own words.
pub struct Segmenter {
    jieba: Jieba,
    /// Where the dictionary came from: a word taken back is undone by building jieba again.
    source: Dictionary,
    /// The user's words, longest first (a longer one is cut out before a shorter one inside it).
    user_words: Vec<String>,
}

/// The dictionary a segmenter was built from.
enum Dictionary {
    #[cfg(not(target_arch = "wasm32"))]
    Bundled,
    Text(String),
}

impl Dictionary {
    fn jieba(&self) -> Result<Jieba> {
        match self {
            #[cfg(not(target_arch = "wasm32"))]
            Dictionary::Bundled => Ok(Jieba::new()),
            Dictionary::Text(text) => Jieba::with_dict(&mut BufReader::new(text.as_bytes()))
                .map_err(|e| Error::format("Chinese dictionary", e.to_string())),
        }
    }
}

impl Segmenter {
    /// The segmenter with jieba's dictionary compiled in (native builds).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn bundled() -> Segmenter {
        Segmenter {
            jieba: Jieba::new(),
            source: Dictionary::Bundled,
            user_words: Vec::new(),
        }
    }

    /// A segmenter over a dictionary in jieba's format: one `word count [tag]` a line.
    pub fn from_dictionary(text: &str) -> Result<Segmenter> {
        let source = Dictionary::Text(text.to_string());
        let jieba = source.jieba()?;
        if !jieba.has_word("学习") {
            return Err(Error::format(
                "Chinese dictionary",
                "it has no common words (学习): is it jieba's dict.txt?",
            ));
        }
        Ok(Segmenter {
            jieba,
            source,
            user_words: Vec::new(),
        })
    }

    /// The user's own words: one a line (white space around a word is ignored, empty lines
    /// skipped). Replaces the words set before. Each new word gets the count that keeps its
    /// characters together; when a word is taken back, jieba is built again from the dictionary
    /// (a few tenths of a second), so the cut is exactly as without it.
    pub fn set_user_words(&mut self, text: &str) {
        let mut words: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty() && !w.contains(char::is_whitespace))
            .map(str::to_string)
            .collect();
        words.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        words.dedup();
        let taken_back = self.user_words.iter().any(|w| !words.contains(w));
        if taken_back {
            // The dictionary already built once, so it builds again.
            if let Ok(jieba) = self.source.jieba() {
                self.jieba = jieba;
                self.user_words.clear();
            }
        }
        for w in &words {
            if !self.user_words.contains(w) {
                // Enough count to keep its characters together where no longer word holds them.
                let freq = self.jieba.suggest_freq(w);
                self.jieba.add_word(w, Some(freq), None);
            }
        }
        self.user_words = words;
    }

    /// The words of `line`, in order (white space dropped; punctuation and Latin words are
    /// words of their own, as jieba cuts them).
    pub fn words<'a>(&self, line: &'a str) -> Vec<&'a str> {
        let mut out = Vec::new();
        for token in self.jieba.cut(line, true) {
            self.around_user_words(token.word, &mut out);
        }
        out.retain(|w| !w.trim().is_empty());
        out
    }

    /// `segment` as jieba cut it, or cut again around a user word it holds as a proper part.
    fn around_user_words<'a>(&self, segment: &'a str, out: &mut Vec<&'a str>) {
        let found = self
            .user_words
            .iter()
            .filter(|w| w.len() < segment.len())
            .filter_map(|w| segment.find(w.as_str()).map(|at| (at, w.len())))
            .min_by_key(|&(at, len)| (at, std::cmp::Reverse(len)));
        let Some((at, len)) = found else {
            out.push(segment);
            return;
        };
        for part in [&segment[..at], &segment[at + len..]]
            .into_iter()
            .enumerate()
        {
            let (i, text) = part;
            if i == 1 {
                out.push(&segment[at..at + len]);
            }
            if !text.is_empty() {
                for token in self.jieba.cut(text, true) {
                    self.around_user_words(token.word, out);
                }
            }
        }
    }

    /// `text` with every line's words separated by single spaces, lines kept: what the
    /// tokenizer reads as [`crate::tokenize::ChineseText::Spaces`].
    pub fn segment_text(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 3);
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.push('\n');
            }
            for (k, word) in self.words(line).into_iter().enumerate() {
                if k > 0 {
                    out.push(' ');
                }
                out.push_str(word);
            }
        }
        out
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn cut(s: &Segmenter, line: &str) -> Vec<String> {
        s.words(line).into_iter().map(String::from).collect()
    }

    #[test]
    fn the_tutorial_sentence() {
        let s = Segmenter::bundled();
        assert_eq!(
            cut(&s, "深度学习改变了世界"),
            ["深度", "学习", "改变", "了", "世界"]
        );
    }

    #[test]
    fn the_bank_sentence() {
        let s = Segmenter::bundled();
        assert_eq!(
            cut(&s, "我在银行存钱，河的两岸长满了芦苇"),
            [
                "我", "在", "银行", "存钱", "，", "河", "的", "两岸", "长满", "了", "芦苇"
            ]
        );
    }

    #[test]
    fn unknown_words_through_the_hmm() {
        let s = Segmenter::bundled();
        // 杭研 is not in the dictionary: the HMM joins it.
        assert!(!s.jieba.has_word("杭研"));
        assert_eq!(
            cut(&s, "他来到了网易杭研大厦"),
            ["他", "来到", "了", "网易", "杭研", "大厦"]
        );
    }

    #[test]
    fn a_user_word_overrides_a_collocation() {
        let mut s = Segmenter::bundled();
        assert_eq!(cut(&s, "我喜欢喝咖啡"), ["我", "喜欢", "喝咖啡"]);
        s.set_user_words("咖啡\n\n  饺子  \n");
        assert_eq!(cut(&s, "我喜欢喝咖啡"), ["我", "喜欢", "喝", "咖啡"]);
        assert_eq!(cut(&s, "我们吃饺子"), ["我们", "吃", "饺子"]);
        // A new word of the user's own is joined; taken back, the cut is as before it.
        let before = cut(&s, "我喝红茶拿铁");
        assert_ne!(before, ["我", "喝", "红茶拿铁"]);
        s.set_user_words("咖啡\n红茶拿铁");
        assert_eq!(cut(&s, "我喝红茶拿铁"), ["我", "喝", "红茶拿铁"]);
        s.set_user_words("咖啡");
        assert_eq!(cut(&s, "我喝红茶拿铁"), before);
        assert_eq!(cut(&s, "我喜欢喝咖啡"), ["我", "喜欢", "喝", "咖啡"]);
    }

    #[test]
    fn mixed_scripts_digits_and_punctuation() {
        let s = Segmenter::bundled();
        assert_eq!(
            cut(&s, "GPT-4在2023年发布了。"),
            ["GPT-4", "在", "2023", "年", "发布", "了", "。"]
        );
        assert_eq!(
            cut(&s, "I like 深度学习 a lot"),
            ["I", "like", "深度", "学习", "a", "lot"]
        );
    }

    #[test]
    fn text_keeps_its_lines() {
        let s = Segmenter::bundled();
        assert_eq!(
            s.segment_text("深度学习\n\n改变了世界"),
            "深度 学习\n\n改变 了 世界"
        );
    }

    #[test]
    fn a_dictionary_from_text_segments_the_same() {
        let dict = "深度 100\n学习 100\n改变 100\n了 100\n世界 100\n深 1\n度 1\n";
        let s = Segmenter::from_dictionary(dict).unwrap();
        assert_eq!(
            cut(&s, "深度学习改变了世界"),
            ["深度", "学习", "改变", "了", "世界"]
        );
        assert!(Segmenter::from_dictionary("a 1\n").is_err());
        assert!(Segmenter::from_dictionary("学习 x\n").is_err());
    }
}
