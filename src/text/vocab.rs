//! The vocabulary: words, counts and deterministic ids.
//!
//! Reference: word2vec.c `LearnVocabFromTrainFile`, `SortVocab` and the subsampling in
//! `TrainModelThread`. Ids are sorted by descending count; ties are broken by first appearance in
//! the corpus (word2vec.c's qsort leaves tie order unspecified, which would make ids, and hence
//! every random choice after them, depend on the C library). Words seen fewer than `min_count`
//! times are dropped.
//!
//! Frequent-word subsampling (Mikolov et al. 2013b, §2.3, in word2vec.c's form): with threshold t
//! and corpus size T, a token of a word with count f is kept with probability
//!
//! ```text
//! p_keep = (sqrt(f / (t·T)) + 1) · (t·T) / f        (capped at 1)
//! ```
//!
//! so words rarer than about t·T are always kept and very frequent words are mostly dropped.

use std::collections::HashMap;

use crate::ranking::{self, Ranked};

/// Words with their counts, ids 0.. in descending count order.
#[derive(Debug, Clone, PartialEq)]
pub struct Vocab {
    words: Vec<String>,
    counts: Vec<u64>,
    index: HashMap<String, u32>,
}

impl Vocab {
    /// Build from `(word, count)` pairs listed in first-appearance order; drops words below
    /// `min_count`. Returns the vocabulary and, for each input position, its new id (if kept).
    pub fn from_counts_in_order(
        entries: Vec<(String, u64)>,
        min_count: u64,
    ) -> (Vocab, Vec<Option<u32>>) {
        let mut order: Vec<Ranked> = (0..entries.len())
            .filter(|&i| entries[i].1 >= min_count)
            .map(|i| Ranked::new(entries[i].1 as f64, i as u32))
            .collect();
        // By count; equal counts keep first-appearance order (ties go by position).
        ranking::rank(&mut order);
        let order: Vec<usize> = order.into_iter().map(|r| r.id as usize).collect();
        let mut remap = vec![None; entries.len()];
        for (new_id, &old) in order.iter().enumerate() {
            remap[old] = Some(new_id as u32);
        }
        let mut slots: Vec<Option<(String, u64)>> = entries.into_iter().map(Some).collect();
        let mut words = Vec::with_capacity(order.len());
        let mut counts = Vec::with_capacity(order.len());
        for &old in &order {
            let (w, c) = slots[old].take().expect("each entry is used once");
            words.push(w);
            counts.push(c);
        }
        (Vocab::from_sorted(words, counts), remap)
    }

    /// Build from words already in id order, with their counts.
    pub fn from_sorted(words: Vec<String>, counts: Vec<u64>) -> Vocab {
        let index = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.clone(), i as u32))
            .collect();
        Vocab {
            words,
            counts,
            index,
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }

    pub fn words(&self) -> &[String] {
        &self.words
    }

    pub fn count(&self, id: u32) -> u64 {
        self.counts[id as usize]
    }

    pub fn counts(&self) -> &[u64] {
        &self.counts
    }

    pub fn id(&self, word: &str) -> Option<u32> {
        self.index.get(word).copied()
    }

    /// Total count of all vocabulary words: the number of tokens training reads per epoch.
    pub fn total_count(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// Probability of keeping one token of each word under subsampling threshold `sample`, as a
    /// `u32` threshold: a token is kept when a uniform 32-bit draw is below it. `u32::MAX` means
    /// "always keep" (and the trainer then draws nothing). `sample == 0` keeps everything.
    pub fn keep_thresholds(&self, sample: f64) -> Vec<u32> {
        let total = self.total_count() as f64;
        self.counts
            .iter()
            .map(|&f| {
                let p = keep_probability(f as f64, sample, total);
                if p >= 1.0 {
                    u32::MAX
                } else {
                    (p * 4_294_967_296.0) as u32
                }
            })
            .collect()
    }
}

/// word2vec's subsampling formula; see the module documentation.
pub fn keep_probability(count: f64, sample: f64, total: f64) -> f64 {
    if sample <= 0.0 || count <= 0.0 {
        return 1.0;
    }
    let st = sample * total;
    ((count / st).sqrt() + 1.0) * st / count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(list: &[(&str, u64)]) -> Vec<(String, u64)> {
        list.iter().map(|&(w, c)| (w.to_string(), c)).collect()
    }

    #[test]
    fn ids_by_descending_count_ties_by_first_appearance() {
        let (v, remap) = Vocab::from_counts_in_order(
            entries(&[("b", 2), ("a", 5), ("c", 2), ("rare", 1), ("d", 5)]),
            2,
        );
        assert_eq!(v.words(), ["a", "d", "b", "c"]);
        assert_eq!(remap, [Some(2), Some(0), Some(3), None, Some(1)]);
        assert_eq!(v.id("c"), Some(3));
        assert_eq!(v.id("rare"), None);
        assert_eq!(v.total_count(), 14);
    }

    #[test]
    fn subsampling_keeps_rare_words_and_thins_frequent_ones() {
        // t·T = 1e-3 · 1e6 = 1000: a word seen 1000 times is kept with p = (1+1)·1 = 2 → 1 (capped).
        assert_eq!(keep_probability(1000.0, 1e-3, 1e6).min(1.0), 1.0);
        // A word seen 100,000 times (10% of the corpus): p = (sqrt(100)+1)/100 = 0.11.
        assert!((keep_probability(100_000.0, 1e-3, 1e6) - 0.11).abs() < 1e-12);
        assert_eq!(keep_probability(5.0, 0.0, 1e6), 1.0);
    }
}
