//! Text → training data (tutorial §1): tokens, Chinese cut into words, the vocabulary with its
//! counts and subsampling, and the corpus as sentences of word ids.

pub mod corpus;
pub mod segment;
pub mod subwords;
pub mod tokenize;
pub mod vocab;
