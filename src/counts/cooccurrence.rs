//! Co-occurrence counts: how often each pair of words appears within `window` words of each
//! other, over the whole corpus (the matrix GloVe fits and PPMI transforms).
//!
//! For a word at position i and one at i ± d (1 ≤ d ≤ window, within a sentence), the pair
//! (w_i, w_{i±d}) gains a weight that depends on the distance d:
//! - [`Weighting::Harmonic`]: weight 1/d, as GloVe counts (Pennington et al. 2014, §4.2);
//! - [`Weighting::Linear`]: weight (window − d + 1)/window, the expected weight of word2vec's dynamic
//!   window, which shrinks the window uniformly at random (Levy, Goldberg & Dagan 2015, §3.2);
//! - [`Weighting::Uniform`]: weight 1.
//!
//! The counts are symmetric (#(w, c) = #(c, w)) and sparse: only pairs that occur are kept, at
//! most `max_pairs` of them, since a large corpus with a wide window has many.

use std::collections::HashMap;

use crate::corpus::Corpus;
use crate::error::{Error, Result};

/// How a pair's weight falls off with the distance between the two words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weighting {
    Harmonic,
    Linear,
    Uniform,
}

impl Weighting {
    /// The weight of a pair `d` words apart in a window of `window`.
    pub fn weight(self, d: usize, window: usize) -> f64 {
        match self {
            Weighting::Harmonic => 1.0 / d as f64,
            Weighting::Linear => (window + 1 - d) as f64 / window as f64,
            Weighting::Uniform => 1.0,
        }
    }
}

/// Sparse symmetric counts over a vocabulary of `n` words.
#[derive(Debug, Clone, PartialEq)]
pub struct Cooccurrence {
    pub n: usize,
    /// (word, context, weighted count), sorted by word then context.
    pub entries: Vec<(u32, u32, f64)>,
}

impl Cooccurrence {
    /// Count every pair of `corpus` within `window` words, weighted by `weighting`. Fails, naming
    /// the window, if more than `max_pairs` distinct pairs occur.
    pub fn count(
        corpus: &Corpus,
        window: usize,
        weighting: Weighting,
        max_pairs: usize,
    ) -> Result<Self> {
        if window == 0 {
            return Err(Error::config(
                "window",
                "must be at least 1 to count co-occurrences",
            ));
        }
        let mut counts: HashMap<(u32, u32), f64> = HashMap::new();
        for s in 0..corpus.num_sentences() {
            let sentence = corpus.sentence(s);
            for (i, &w) in sentence.iter().enumerate() {
                for d in 1..=window.min(sentence.len() - 1 - i) {
                    let c = sentence[i + d];
                    let x = weighting.weight(d, window);
                    *counts.entry((w, c)).or_insert(0.0) += x;
                    *counts.entry((c, w)).or_insert(0.0) += x;
                }
            }
            if counts.len() > max_pairs {
                return Err(Error::config(
                    "window",
                    format!(
                        "the co-occurrence counts would keep more than {max_pairs} pairs of words; \
                         use a smaller window or a larger min count"
                    ),
                ));
            }
        }
        let mut entries: Vec<(u32, u32, f64)> =
            counts.into_iter().map(|((w, c), x)| (w, c, x)).collect();
        entries.sort_by_key(|&(w, c, _)| (w, c));
        Ok(Cooccurrence {
            n: corpus.vocab.len(),
            entries,
        })
    }

    /// Σ_c #(w, c) for every word w (also the column sums: the counts are symmetric).
    pub fn row_sums(&self) -> Vec<f64> {
        let mut sums = vec![0.0; self.n];
        for &(w, _, x) in &self.entries {
            sums[w as usize] += x;
        }
        sums
    }

    /// The weighted count of (w, c), 0 if the pair never occurs.
    pub fn get(&self, w: u32, c: u32) -> f64 {
        self.entries
            .binary_search_by_key(&(w, c), |&(a, b, _)| (a, b))
            .map(|i| self.entries[i].2)
            .unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TokenizerOptions;

    fn corpus(text: &str) -> Corpus {
        Corpus::from_text(text, TokenizerOptions::default(), 1).unwrap()
    }

    /// 深度 学习 改变 了 世界, window 2: every pair by hand.
    #[test]
    fn the_tutorials_sentence_counted_by_hand() {
        let c = corpus("深度 学习 改变 了 世界\n");
        let id = |w: &str| c.vocab.id(w).unwrap();
        let m = Cooccurrence::count(&c, 2, Weighting::Harmonic, 100).unwrap();
        assert_eq!(m.get(id("深度"), id("学习")), 1.0);
        assert_eq!(m.get(id("深度"), id("改变")), 0.5);
        assert_eq!(
            m.get(id("深度"), id("了")),
            0.0,
            "three apart: outside the window"
        );
        assert_eq!(m.get(id("改变"), id("深度")), 0.5, "symmetric");
        // 4 neighbours at distance 1 (×2 directions) and 3 at distance 2: 2·4·1 + 2·3·½.
        assert_eq!(m.row_sums().iter().sum::<f64>(), 11.0);
        let linear = Cooccurrence::count(&c, 2, Weighting::Linear, 100).unwrap();
        assert_eq!(linear.get(id("深度"), id("改变")), 0.5);
        let uniform = Cooccurrence::count(&c, 2, Weighting::Uniform, 100).unwrap();
        assert_eq!(uniform.get(id("深度"), id("改变")), 1.0);
    }

    #[test]
    fn pairs_do_not_cross_sentences_and_the_bound_is_kept() {
        let c = corpus("a b\nc d\n");
        let m = Cooccurrence::count(&c, 5, Weighting::Uniform, 100).unwrap();
        let id = |w: &str| c.vocab.id(w).unwrap();
        assert_eq!(m.get(id("b"), id("c")), 0.0);
        assert_eq!(m.entries.len(), 4);
        let e = Cooccurrence::count(&c, 5, Weighting::Uniform, 1).unwrap_err();
        assert!(e.to_string().contains("window"), "{e}");
        assert!(Cooccurrence::count(&c, 0, Weighting::Uniform, 10).is_err());
    }
}
