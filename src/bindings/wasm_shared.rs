//! What both browser bindings (`src/bindings/wasm.rs`, the trainer, and `src/bindings/wasm_explore.rs`, vector
//! files and imported vectors) need: values and errors turned into JavaScript, and the queries
//! the page asks of any set of word vectors.

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// `value` as a plain JavaScript object (maps as objects, so it reads as JSON does).
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The core's error as a JavaScript `Error` with the core's message (it names the bad input).
pub fn js_error(e: crate::Error) -> JsError {
    JsError::new(&e.to_string())
}

/// Neighbours, similarities and analogies of a [`KeyedVectors`], as the page asks them.
pub mod queries {
    use super::*;
    use crate::query::{AnalogyMethod, KeyedVectors};

    /// The `k` nearest words to `word` by cosine: `[{word, score}]`.
    pub fn nearest(kv: &KeyedVectors, word: &str, k: u32) -> Result<JsValue, JsError> {
        to_js(&kv.nearest(word, k as usize).map_err(js_error)?)
    }

    /// a : b :: c : ? by 3CosAdd (`method` "add") or 3CosMul ("mul"): `[{word, score}]`.
    pub fn analogy(
        kv: &KeyedVectors,
        [a, b, c]: [&str; 3],
        k: u32,
        method: &str,
    ) -> Result<JsValue, JsError> {
        let method = match method {
            "add" => AnalogyMethod::CosAdd,
            "mul" => AnalogyMethod::CosMul,
            other => {
                return Err(JsError::new(&format!(
                    "unknown analogy method '{other}' (add or mul)"
                )))
            }
        };
        to_js(&kv.analogy(a, b, c, k as usize, method).map_err(js_error)?)
    }
}
