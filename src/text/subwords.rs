//! fastText's subwords (Bojanowski et al. 2017, "Enriching Word Vectors with Subword
//! Information"): the answer to static vectors' first limit (tutorial §7), a word never seen.
//!
//! A word is written `<word>` (the brackets mark its start and end, so the n-gram `<ki` of
//! `<kingly>` differs from the `ki` inside `skin`) and cut into its character n-grams of `minn`
//! to `maxn` characters (characters, not bytes, so 深度学习 gives 深度学, 度学习 …). There are far
//! more n-grams than rows to spare, so each is hashed into one of `bucket` rows (FNV-1a, as
//! fastText does); two n-grams may share a row. A vocabulary word is its own row plus its
//! n-grams' rows, and its vector is their mean; a word the corpus never had is the mean of its
//! n-grams' rows alone, so it still gets a vector, near the words that share its pieces.
//!
//! Rows are numbered as fastText numbers them: the words 0..V, then the buckets V..V + bucket.
//! The n-grams of a word, their order and their rows are fastText's `Dictionary::computeSubwords`
//! and `hash` (checked against fastText 0.9.3's `get_subwords` in the tests below).

use crate::error::{Error, Result};
use crate::vocab::Vocab;

/// fastText's defaults: n-grams of 3 to 6 characters.
pub const DEFAULT_MINN: usize = 3;
pub const DEFAULT_MAXN: usize = 6;
/// Rows for the n-grams in the browser: 200,000 × dim floats (80 MB at dim 100). fastText's own
/// default is 2,000,000.
pub const DEFAULT_BUCKET: usize = 200_000;
/// The most rows a model may have for its n-grams (at dim 100, 0.8 GB of W alone).
pub const MAX_BUCKET: usize = 2_000_000;
/// The longest n-gram, in characters.
pub const MAX_MAXN: usize = 20;

/// How words are cut into n-grams and where the n-grams go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubwordConfig {
    pub minn: usize,
    pub maxn: usize,
    pub bucket: usize,
}

impl Default for SubwordConfig {
    fn default() -> Self {
        SubwordConfig {
            minn: DEFAULT_MINN,
            maxn: DEFAULT_MAXN,
            bucket: DEFAULT_BUCKET,
        }
    }
}

impl SubwordConfig {
    /// Refuse settings that cut nothing or would not fit, naming the setting.
    pub fn validate(&self) -> Result<()> {
        if self.minn == 0 || self.minn > self.maxn || self.maxn > MAX_MAXN {
            return Err(Error::config(
                "minn",
                format!(
                    "n-grams of {}..{} characters: need 1 ≤ minn ≤ maxn ≤ {MAX_MAXN}",
                    self.minn, self.maxn
                ),
            ));
        }
        if self.bucket == 0 || self.bucket > MAX_BUCKET {
            return Err(Error::config(
                "bucket",
                format!("{} rows for n-grams: need 1..={MAX_BUCKET}", self.bucket),
            ));
        }
        Ok(())
    }
}

/// fastText's hash: 32-bit FNV-1a over the UTF-8 bytes, each byte sign-extended first (fastText
/// XORs an `int8_t`), which matters for every byte of a non-ASCII character.
pub fn fnv1a(s: &str) -> u32 {
    let mut h: u32 = 2_166_136_261;
    for &b in s.as_bytes() {
        h ^= b as i8 as i32 as u32;
        h = h.wrapping_mul(16_777_619);
    }
    h
}

/// The character n-grams of `<word>` of `minn..=maxn` characters, in fastText's order: by start,
/// then by length. A lone bracket is never an n-gram (it only matters when `minn` is 1).
pub fn ngrams(word: &str, minn: usize, maxn: usize) -> Vec<String> {
    let bracketed: Vec<char> = format!("<{word}>").chars().collect();
    let mut out = Vec::new();
    for i in 0..bracketed.len() {
        let mut gram = String::new();
        for (n, &c) in bracketed[i..].iter().take(maxn).enumerate() {
            gram.push(c);
            let n = n + 1;
            let end = i + n == bracketed.len();
            if n >= minn && !(n == 1 && (i == 0 || end)) {
                out.push(gram.clone());
            }
        }
    }
    out
}

/// Every vocabulary word's rows (its own and its n-grams'), and the rule for any other word.
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
#[derive(Debug, Clone, PartialEq)]
pub struct Subwords {
    config: SubwordConfig,
    words: usize,
    /// Word w's rows are `rows[offsets[w]..offsets[w + 1]]`, its own first.
    offsets: Vec<u32>,
    rows: Vec<u32>,
}

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
impl Subwords {
    pub fn new(vocab: &Vocab, config: SubwordConfig) -> Result<Subwords> {
        config.validate()?;
        let words = vocab.len();
        let mut offsets = vec![0u32];
        let mut rows = Vec::new();
        for (w, word) in vocab.words().iter().enumerate() {
            rows.push(w as u32);
            rows.extend(ngram_rows(word, config, words));
            offsets.push(rows.len() as u32);
        }
        Ok(Subwords {
            config,
            words,
            offsets,
            rows,
        })
    }

    pub fn config(&self) -> SubwordConfig {
        self.config
    }

    /// Rows of W: the words' and the buckets'.
    pub fn total_rows(&self) -> usize {
        self.words + self.config.bucket
    }

    /// The rows whose mean is vocabulary word `w`'s vector.
    pub fn rows(&self, w: u32) -> &[u32] {
        &self.rows[self.offsets[w as usize] as usize..self.offsets[w as usize + 1] as usize]
    }

    /// Vocabulary words.
    pub fn words(&self) -> usize {
        self.words
    }

    /// The rows of a word the vocabulary does not have: its n-grams' only.
    pub fn unseen_rows(&self, word: &str) -> Vec<u32> {
        ngram_rows(word, self.config, self.words).collect()
    }
}

/// The browser's modules have no subwords yet: there `Subwords` has no values, so a model's
/// `Option<Subwords>` is always `None` and the training step's subword branch compiles away
/// (with it, the one-thread module grew by 3.6 KB gzipped, past its 100 KB budget). Their
/// place on the page is still to come.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
#[derive(Debug, Clone, PartialEq)]
pub enum Subwords {}

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
impl Subwords {
    pub fn new(_vocab: &Vocab, config: SubwordConfig) -> Result<Subwords> {
        config.validate()?;
        Err(Error::config(
            "model",
            "fastText's subwords are not in the browser's modules yet (the w2v CLI has them)",
        ))
    }

    pub fn config(&self) -> SubwordConfig {
        match *self {}
    }

    pub fn total_rows(&self) -> usize {
        match *self {}
    }

    pub fn rows(&self, _w: u32) -> &[u32] {
        match *self {}
    }

    pub fn words(&self) -> usize {
        match *self {}
    }

    pub fn unseen_rows(&self, _word: &str) -> Vec<u32> {
        match *self {}
    }
}

/// The n-grams of `word` with the bucket each one hashes to (fastText's `hash(ngram) % bucket`).
pub fn ngram_buckets(word: &str, config: SubwordConfig) -> Vec<(String, u32)> {
    ngrams(word, config.minn, config.maxn)
        .into_iter()
        .map(|g| {
            let bucket = (fnv1a(&g) as usize % config.bucket) as u32;
            (g, bucket)
        })
        .collect()
}

/// The rows of `word`'s n-grams: after the V word rows, the bucket each n-gram hashes to.
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn ngram_rows(word: &str, config: SubwordConfig, words: usize) -> impl Iterator<Item = u32> {
    ngram_buckets(word, config)
        .into_iter()
        .map(move |(_, b)| words as u32 + b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// fastText 0.9.3's `get_subwords` (minn 3, maxn 6, bucket 2,000,000) on a model of 13
    /// words: the n-grams in order, and their rows minus the 13 word rows.
    #[test]
    fn ngrams_and_rows_are_fasttexts() {
        let cases: [(&str, &[&str], &[u32]); 3] = [
            (
                "kingly",
                &[
                    "<ki", "<kin", "<king", "<kingl", "kin", "king", "kingl", "kingly", "ing",
                    "ingl", "ingly", "ingly>", "ngl", "ngly", "ngly>", "gly", "gly>", "ly>",
                ],
                &[
                    299688, 1736380, 824165, 1904361, 1950850, 736611, 650075, 588706, 771720,
                    820290, 1749297, 439163, 1563031, 234134, 503586, 470642, 1153998, 1770469,
                ],
            ),
            ("a", &["<a>"], &[1087613]),
            (
                "深度学习",
                &[
                    "<深度",
                    "<深度学",
                    "<深度学习",
                    "<深度学习>",
                    "深度学",
                    "深度学习",
                    "深度学习>",
                    "度学习",
                    "度学习>",
                    "学习>",
                ],
                &[
                    944727, 1233263, 882864, 1248948, 1973161, 335014, 751346, 1150546, 541230,
                    152083,
                ],
            ),
        ];
        for (word, grams, ids) in cases {
            assert_eq!(ngrams(word, 3, 6), grams.to_vec(), "{word}");
            let rows: Vec<u32> = grams.iter().map(|g| fnv1a(g) % 2_000_000 + 13).collect();
            assert_eq!(rows, ids.to_vec(), "{word}");
        }
    }

    #[test]
    #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
    fn a_word_is_its_row_and_its_ngrams_and_an_unseen_one_its_ngrams() {
        let corpus =
            crate::Corpus::from_text("king queen king", crate::TokenizerOptions::default(), 1)
                .unwrap();
        let config = SubwordConfig {
            bucket: 1000,
            ..SubwordConfig::default()
        };
        let s = Subwords::new(&corpus.vocab, config).unwrap();
        assert_eq!(s.total_rows(), 1002);
        let king = s.rows(0);
        assert_eq!(king[0], 0);
        assert_eq!(king.len(), 1 + ngrams("king", 3, 6).len());
        assert!(king[1..].iter().all(|&r| (2..1002).contains(&r)));
        // `kingly` shares king's first n-grams (<ki, <kin, <king), not its word row.
        let kingly = s.unseen_rows("kingly");
        assert_eq!(kingly[..3], king[1..4]);
        assert!(!kingly.contains(&0));
    }

    #[test]
    fn bad_settings_are_refused_by_name() {
        let bad = |minn, maxn, bucket| {
            SubwordConfig { minn, maxn, bucket }
                .validate()
                .unwrap_err()
                .to_string()
        };
        assert!(bad(4, 3, 10).contains("minn"));
        assert!(bad(0, 3, 10).contains("minn"));
        assert!(bad(3, 6, 0).contains("bucket"));
        assert!(bad(3, 6, MAX_BUCKET + 1).contains("bucket"));
    }
}
