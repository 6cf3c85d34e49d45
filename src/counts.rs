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
