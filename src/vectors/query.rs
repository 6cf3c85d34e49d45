//! What the vectors can do: cosine similarity, nearest neighbours, analogies (tutorial §6).
//!
//! Reference: word2vec's `distance.c` and `word-analogy.c`; Levy & Goldberg (2014) for 3CosMul.
//! [`KeyedVectors`] is a read-only table of word vectors, built from a model (input, output or
//! averaged vectors) or read from a file, with unit-length copies so that cosine is a dot product:
//!
//! ```text
//! cos(a, b) = a·b / (‖a‖‖b‖)
//! ```
//!
//! An analogy a : b :: c : ? ("man : king :: woman : ?") looks for the word x closest to b − a + c:
//! - **3CosAdd**: the cosine between x̂ and the unit vector of (b̂ − â + ĉ) (what gensim's
//!   `most_similar(positive=[b, c], negative=[a])` and word-analogy.c compute);
//! - **3CosMul**: cos′(x, b)·cos′(x, c) / (cos′(x, a) + ε), with cos′ = (cos + 1)/2 and ε = 10⁻³,
//!   which keeps one large term from dominating.
//!
//! The query words themselves are never answers.

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::kernels::dot;
use crate::model::{Model, VectorSource};
use crate::ranking::{self, Ranked};

/// How an analogy is scored; see the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnalogyMethod {
    CosAdd,
    CosMul,
}

/// A word with a score (a cosine, or a 3CosMul value); `{word, score}` in JavaScript.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    all(target_arch = "wasm32", target_os = "unknown"),
    derive(serde::Serialize)
)]
pub struct Scored {
    pub word: String,
    pub score: f32,
}

/// The rows of a row-major matrix with `dim` columns scaled to unit length (zero rows stay zero).
pub fn unit_rows(vectors: &[f32], dim: usize) -> Vec<f32> {
    let mut unit = vectors.to_vec();
    if dim > 0 {
        for row in unit.chunks_exact_mut(dim) {
            let norm = dot(row, row).sqrt();
            if norm > 0.0 {
                row.iter_mut().for_each(|x| *x /= norm);
            }
        }
    }
    unit
}

/// Word vectors with their unit-length copies.
#[derive(Debug, Clone)]
pub struct KeyedVectors {
    words: Vec<String>,
    index: HashMap<String, u32>,
    dim: usize,
    vectors: Vec<f32>,
    unit: Vec<f32>,
}

impl KeyedVectors {
    /// Build from words and a row-major |words| × dim matrix. Later duplicates of a word are
    /// reachable by index only (the first one wins a lookup).
    pub fn new(words: Vec<String>, dim: usize, vectors: Vec<f32>) -> Self {
        assert_eq!(words.len() * dim, vectors.len(), "matrix shape");
        let mut index = HashMap::with_capacity(words.len());
        for (i, w) in words.iter().enumerate() {
            index.entry(w.clone()).or_insert(i as u32);
        }
        let unit = unit_rows(&vectors, dim);
        KeyedVectors {
            words,
            index,
            dim,
            vectors,
            unit,
        }
    }

    /// The chosen vectors of a model.
    pub fn from_model(model: &Model, source: VectorSource) -> Result<Self> {
        Ok(Self::new(
            model.vocab.words().to_vec(),
            model.dim,
            model.word_vectors(source)?,
        ))
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn dim(&self) -> usize {
        self.dim
    }

    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// The raw matrix, row-major.
    pub fn vectors(&self) -> &[f32] {
        &self.vectors
    }

    pub fn vector(&self, id: u32) -> &[f32] {
        &self.vectors[id as usize * self.dim..(id as usize + 1) * self.dim]
    }

    /// The unit-length rows, row-major (a zero vector stays zero).
    pub fn unit_vectors(&self) -> &[f32] {
        &self.unit
    }

    fn unit_row(&self, id: u32) -> &[f32] {
        &self.unit[id as usize * self.dim..(id as usize + 1) * self.dim]
    }

    /// Id of `word`, or an error naming it.
    pub fn id(&self, word: &str) -> Result<u32> {
        if word.trim().is_empty() {
            return Err(Error::InvalidQuery {
                message: "the word is empty".into(),
            });
        }
        self.index
            .get(word)
            .copied()
            .ok_or_else(|| Error::UnknownWord {
                word: word.to_string(),
            })
    }

    /// Cosine similarity of two words.
    pub fn similarity(&self, a: &str, b: &str) -> Result<f32> {
        let (a, b) = (self.id(a)?, self.id(b)?);
        Ok(dot(self.unit_row(a), self.unit_row(b)))
    }

    /// The `k` words most similar to `word` by cosine, the word itself excluded.
    pub fn nearest(&self, word: &str, k: usize) -> Result<Vec<Scored>> {
        let id = self.id(word)?;
        Ok(self.top_k(k, &[id], None, |x| dot(x, self.unit_row(id))))
    }

    /// The `k` words whose vectors are closest in cosine to an arbitrary vector.
    pub fn nearest_to_vector(&self, v: &[f32], k: usize, exclude: &[u32]) -> Vec<Scored> {
        let norm = dot(v, v).sqrt().max(f32::MIN_POSITIVE);
        self.top_k(k, exclude, None, |x| dot(x, v) / norm)
    }

    /// For a word that is not in the vocabulary (static vectors have nothing for it, tutorial §7):
    /// the `k` vocabulary words closest in spelling, by edit distance over characters (ties by
    /// frequency, i.e. by id).
    pub fn nearest_spellings(&self, word: &str, k: usize) -> Vec<String> {
        let query: Vec<char> = word.chars().collect();
        let scored: Vec<Ranked> = self
            .words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let distance = edit_distance(&query, &w.chars().collect::<Vec<_>>());
                Ranked::new(-(distance as f64), i as u32)
            })
            .collect();
        ranking::top_k(scored, k)
            .into_iter()
            .map(|r| self.words[r.id as usize].clone())
            .collect()
    }

    /// a : b :: c : ? — the `k` best answers; see the module documentation.
    pub fn analogy(
        &self,
        a: &str,
        b: &str,
        c: &str,
        k: usize,
        method: AnalogyMethod,
    ) -> Result<Vec<Scored>> {
        let ids = [self.id(a)?, self.id(b)?, self.id(c)?];
        if ids[0] == ids[1] && ids[1] == ids[2] {
            return Err(Error::InvalidQuery {
                message: format!("'{a}' three times asks nothing; use three words"),
            });
        }
        Ok(self.analogy_ids(ids, k, method, None))
    }

    /// Analogy by ids, searching only the first `restrict` words when given (evaluation).
    pub fn analogy_ids(
        &self,
        [a, b, c]: [u32; 3],
        k: usize,
        method: AnalogyMethod,
        restrict: Option<usize>,
    ) -> Vec<Scored> {
        let units = [self.unit_row(a), self.unit_row(b), self.unit_row(c)];
        self.analogy_units(units, &[a, b, c], k, method, restrict)
    }

    /// Analogy of three vectors that need not be rows of this file (a word built from its
    /// n-grams, `vectors/ngrams.rs`), leaving out the answers `exclude`.
    pub fn analogy_of_vectors(
        &self,
        vectors: [&[f32]; 3],
        exclude: &[u32],
        k: usize,
        method: AnalogyMethod,
    ) -> Vec<Scored> {
        let [a, b, c] = vectors.map(|v| unit_rows(v, self.dim));
        self.analogy_units([&a, &b, &c], exclude, k, method, None)
    }

    /// a : b :: c : ? from their unit vectors.
    fn analogy_units(
        &self,
        [ua, ub, uc]: [&[f32]; 3],
        exclude: &[u32],
        k: usize,
        method: AnalogyMethod,
        restrict: Option<usize>,
    ) -> Vec<Scored> {
        match method {
            AnalogyMethod::CosAdd => {
                let mut target: Vec<f32> = (0..self.dim).map(|i| ub[i] - ua[i] + uc[i]).collect();
                let norm = dot(&target, &target).sqrt();
                if norm > 0.0 {
                    target.iter_mut().for_each(|x| *x /= norm);
                }
                self.top_k(k, exclude, restrict, |x| dot(x, &target))
            }
            AnalogyMethod::CosMul => {
                let shifted = |x: &[f32], y: &[f32]| (dot(x, y) + 1.0) / 2.0;
                self.top_k(k, exclude, restrict, |x| {
                    shifted(x, ub) * shifted(x, uc) / (shifted(x, ua) + 1e-3)
                })
            }
        }
    }

    /// The `k` highest `score(unit row)` among the first `restrict` words, excluding `exclude`,
    /// best first; ties keep id order.
    fn top_k(
        &self,
        k: usize,
        exclude: &[u32],
        restrict: Option<usize>,
        score: impl Fn(&[f32]) -> f32,
    ) -> Vec<Scored> {
        let n = restrict.unwrap_or(self.len()).min(self.len());
        let scored: Vec<Ranked> = (0..n as u32)
            .filter(|id| !exclude.contains(id))
            .map(|id| Ranked::new(score(self.unit_row(id)), id))
            .collect();
        ranking::top_k(scored, k)
            .into_iter()
            .map(|r| Scored {
                word: self.words[r.id as usize].clone(),
                score: r.score as f32, // an f32 widened exactly, so this is lossless
            })
            .collect()
    }
}

/// Levenshtein distance: insertions, deletions and substitutions of one character each cost 1.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hand-made 2-D vectors where the analogy is exact: the gender direction is +y.
    fn toy() -> KeyedVectors {
        let words = ["man", "woman", "king", "queen", "apple"]
            .map(String::from)
            .to_vec();
        #[rustfmt::skip]
        let v = vec![
            1.0, 0.0,
            1.0, 1.0,
            3.0, 0.2,
            3.0, 1.2,
            -1.0, -3.0,
        ];
        KeyedVectors::new(words, 2, v)
    }

    #[test]
    fn cosine_and_neighbours() {
        let kv = toy();
        assert!((kv.similarity("man", "man").unwrap() - 1.0).abs() < 1e-6);
        assert!((kv.similarity("man", "woman").unwrap() - 0.5f32.sqrt()).abs() < 1e-6);
        let n = kv.nearest("king", 2).unwrap();
        assert_eq!(n[0].word, "man");
        assert!(n.iter().all(|s| s.word != "king"));
        assert!(n[0].score >= n[1].score);
    }

    #[test]
    fn analogies_find_queen_and_exclude_the_inputs() {
        let kv = toy();
        for method in [AnalogyMethod::CosAdd, AnalogyMethod::CosMul] {
            let r = kv.analogy("man", "king", "woman", 3, method).unwrap();
            assert_eq!(r[0].word, "queen", "{method:?}");
            assert!(r
                .iter()
                .all(|s| !["man", "king", "woman"].contains(&s.word.as_str())));
        }
    }

    #[test]
    fn errors_name_the_unknown_word() {
        let kv = toy();
        assert_eq!(
            kv.nearest("prince", 3).unwrap_err().to_string(),
            "'prince' is not in the vocabulary"
        );
        let e = kv.analogy("man", "king", "duchess", 3, AnalogyMethod::CosAdd);
        assert!(e.unwrap_err().to_string().contains("duchess"));
        assert!(kv
            .analogy("man", "man", "man", 3, AnalogyMethod::CosAdd)
            .is_err());
        assert!(kv.nearest("  ", 3).is_err());
    }

    #[test]
    fn zero_vectors_and_large_k_are_harmless() {
        let kv = KeyedVectors::new(vec!["a".into(), "b".into()], 2, vec![0.0, 0.0, 1.0, 0.0]);
        assert_eq!(kv.similarity("a", "b").unwrap(), 0.0);
        assert_eq!(kv.nearest("a", 10).unwrap().len(), 1);
    }

    #[test]
    fn unknown_words_get_the_nearest_spellings() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edit_distance(&chars("kitten"), &chars("sitting")), 3);
        assert_eq!(edit_distance(&chars(""), &chars("abc")), 3);
        assert_eq!(edit_distance(&chars("银行家"), &chars("银行")), 1);
        let words = ["queen", "king", "kings", "quean"]
            .map(String::from)
            .to_vec();
        let kv = KeyedVectors::new(words, 1, vec![1.0; 4]);
        assert_eq!(kv.nearest_spellings("kingg", 2), ["king", "kings"]);
        assert_eq!(kv.nearest_spellings("qeen", 1), ["queen"]);
    }
}
