//! The browser bindings, the only modules that see JavaScript, built only for
//! `wasm32-unknown-unknown`: `wasm` (the trainer and its queries, in the module every visit
//! loads) or, with the `explore` feature, `wasm_explore` (vector files, imported vectors, t-SNE and
//! custom axes, in a second module loaded when first needed), or, with the `segment` feature,
//! `wasm_segment` (Chinese word segmentation, a third module loaded only when Chinese text is cut
//! into words). `wasm_shared` holds what the first two use. Each converts and delegates: what
//! they compute is the core's.

#[cfg(all(not(feature = "explore"), not(feature = "segment")))]
pub mod wasm;
#[cfg(feature = "explore")]
pub mod wasm_explore;
#[cfg(feature = "segment")]
pub mod wasm_segment;
#[cfg(not(feature = "segment"))]
mod wasm_shared;
