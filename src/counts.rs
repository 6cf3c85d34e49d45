//! Count-based word vectors: where the lesson's limits of word2vec lead (tutorial §8). word2vec
//! learns from one window at a time; these models start from the corpus's global co-occurrence
//! counts instead. Levy & Goldberg (2014) showed that skip-gram with negative sampling implicitly
//! factorises a shifted PMI matrix, so factorising that matrix explicitly gives comparable vectors:
//!
//! - [`cooccurrence`]: symmetric co-occurrence counts within a window, weighted by distance, kept
//!   sparse and within a bound on the number of pairs;
//! - [`glove`]: GloVe, vectors whose dot products fit the logarithm of the counts (weighted least
//!   squares, AdaGrad), its gradient checked against finite differences;
//! - [`ppmi`]: shifted positive PMI with context distribution smoothing (counts^0.75, the same
//!   power as word2vec's noise distribution), and its vectors U·Σ^p from
//! - [`svd`]: a truncated SVD by randomized subspace iteration, checked against a dense
//!   eigendecomposition.

pub mod cooccurrence;
pub mod glove;
pub mod ppmi;
pub mod svd;

/// A corpus for the count models' tests: drinks (tea, coffee) and foods (rice, bread) each keep
/// their own company, 200 sentences of each.
#[cfg(test)]
pub(crate) fn drinks_and_foods() -> crate::Corpus {
    let mut text = String::new();
    for i in 0..200 {
        let drink = ["tea", "coffee"][i % 2];
        let food = ["rice", "bread"][i % 2];
        text.push_str(&format!(
            "i drink hot {drink} now\nwe eat fresh {food} today\n"
        ));
    }
    crate::Corpus::from_text(&text, crate::TokenizerOptions::default(), 1).unwrap()
}
