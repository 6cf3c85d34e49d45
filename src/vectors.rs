//! What trained vectors are for (tutorial §6–7): cosine, neighbours and analogies; the one
//! best-first order every scored list uses; vector files in and out; benchmark scores.

pub mod eval;
pub mod formats;
pub mod ngrams;
pub mod query;
pub mod ranking;
