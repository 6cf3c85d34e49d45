//! The network (tutorial §2–5): the weights W and W′ ([`model`]) and the maths that scores and
//! updates them: the kernels, exact exp and ln, the noise distribution of negative sampling, the
//! Huffman tree of hierarchical softmax, the output layers as one list of scored decisions, row
//! access to the matrices, and the random generator.

pub mod detmath;
pub mod huffman;
pub mod kernels;
pub mod model;
pub mod noise;
pub mod output_layer;
pub mod rng;
pub mod rows;
