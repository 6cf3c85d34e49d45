//! Best first: the one ordering behind every ranked list the crate makes.
//!
//! Nearest neighbours and analogy answers (by cosine, tutorial §6), the words the model predicts
//! for a blank, spelling suggestions, the vocabulary's id order (by count, word2vec.c
//! `SortVocab`) and the Huffman tree's leaves (by count, `CreateBinaryTree`) are all lists of
//! `(score, id)` pairs put in the same order: higher score first, equal scores by ascending id.
//!
//! Because the id breaks every tie, the order is total and unique: an unstable sort gives exactly
//! what a stable sort by score alone would give on a list in id order, and the selection in
//! [`top_k`] gives the same first k as sorting everything. One ordering also means one copy of
//! the standard library's sorting code in the WebAssembly module: each distinct element type and
//! comparison is compiled separately, 5–10 KB apiece.
//!
//! Scores are `f64`, ordered by IEEE 754 `totalOrder` (`f64::total_cmp`): every `f32` score and
//! every count below 2⁵³ converts exactly, so no two different keys collapse.

use std::cmp::Ordering;

/// One entry of a ranked list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    pub score: f64,
    pub id: u32,
}

impl Ranked {
    pub fn new(score: impl Into<f64>, id: u32) -> Ranked {
        Ranked {
            score: score.into(),
            id,
        }
    }
}

/// Higher score first, then lower id.
fn best_first(a: &Ranked, b: &Ranked) -> Ordering {
    b.score.total_cmp(&a.score).then(a.id.cmp(&b.id))
}

/// Sort best first (see the module documentation for why an unstable sort is exact here).
pub fn rank(items: &mut [Ranked]) {
    items.sort_unstable_by(best_first);
}

/// The best `k` of `items`, best first: a selection (linear on average), then a sort of `k`.
pub fn top_k(mut items: Vec<Ranked>, k: usize) -> Vec<Ranked> {
    let k = k.min(items.len());
    if k == 0 {
        return Vec::new();
    }
    if k < items.len() {
        items.select_nth_unstable_by(k - 1, best_first);
        items.truncate(k);
    }
    rank(&mut items);
    items
}

/// Positions `0..n` of `scores` in best-first order.
pub fn order_by(scores: impl IntoIterator<Item = f64>) -> Vec<u32> {
    let mut items: Vec<Ranked> = scores
        .into_iter()
        .enumerate()
        .map(|(id, s)| Ranked::new(s, id as u32))
        .collect();
    rank(&mut items);
    items.into_iter().map(|r| r.id).collect()
}

/// `ids` ascending without repeats, through the same sort (score −id puts the lowest id first).
pub fn ascending_unique(ids: &[u32]) -> Vec<u32> {
    let mut out = order_by(ids.iter().map(|&id| -f64::from(id)));
    for slot in out.iter_mut() {
        *slot = ids[*slot as usize];
    }
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;

    fn random_scores(n: usize, distinct: u32, seed: u64) -> Vec<Ranked> {
        let mut rng = Rng::new(seed);
        (0..n as u32)
            .map(|id| Ranked::new(rng.below(distinct), id))
            .collect()
    }

    #[test]
    fn equals_a_stable_sort_by_score() {
        // Many ties (10 distinct scores among 500): the id decides them, as a stable sort would.
        let items = random_scores(500, 10, 7);
        let mut stable = items.clone();
        stable.sort_by(|a, b| b.score.total_cmp(&a.score));
        let mut ranked = items;
        rank(&mut ranked);
        assert_eq!(ranked, stable);
    }

    #[test]
    fn top_k_is_the_head_of_the_full_ranking() {
        for seed in 0..20 {
            let items = random_scores(300, 40, seed);
            let mut all = items.clone();
            rank(&mut all);
            for k in [0, 1, 5, 299, 300, 1000] {
                assert_eq!(
                    top_k(items.clone(), k),
                    all[..k.min(300)],
                    "seed {seed}, k {k}"
                );
            }
        }
    }

    #[test]
    fn ascending_unique_sorts_and_drops_repeats() {
        assert_eq!(ascending_unique(&[5, 1, 5, 0, 9, 1]), [0, 1, 5, 9]);
        assert_eq!(ascending_unique(&[]), [] as [u32; 0]);
    }

    #[test]
    fn orders_counts_and_f32_scores_exactly() {
        // Counts that differ only in the last bits below 2⁵³, f32 scores one ulp apart.
        let big = (1u64 << 52) as f64;
        assert_eq!(order_by([big, big + 1.0, big]), [1, 0, 2]);
        let x = 0.5f32;
        let next = f32::from_bits(x.to_bits() + 1);
        let scores = [x, next, -0.0, 0.0].map(f64::from);
        assert_eq!(order_by(scores), [1, 0, 3, 2]);
    }
}
