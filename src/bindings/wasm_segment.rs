//! The segmenter's browser binding (`www/pkg-segment/`, built with `--features segment`).
//!
//! The third module that sees JavaScript, and the one fewest visits load: Chinese word
//! segmentation (jieba, [`crate::segment`]) costs about 200 KB of wasm gzipped and a 2 MB
//! dictionary, so neither may be in the module every visit loads. The worker fetches both the
//! first time a text is cut into words (`www/worker/segmenter.js`), then cuts the text line by
//! line before the trainer's module reads it as words separated by spaces.
//!
//! A thin layer: it converts strings and delegates to [`Segmenter`].

use wasm_bindgen::prelude::*;

use crate::segment;

/// jieba over a dictionary file, with the user's own words.
#[wasm_bindgen]
pub struct Segmenter {
    inner: segment::Segmenter,
}

#[wasm_bindgen]
impl Segmenter {
    /// A segmenter over `dictionary` (jieba's format: `word count [tag]` a line). Throws with the
    /// line of a bad entry.
    #[wasm_bindgen(constructor)]
    pub fn new(dictionary: &str) -> Result<Segmenter, JsError> {
        segment::Segmenter::from_dictionary(dictionary)
            .map(|inner| Segmenter { inner })
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// The user's own words, one a line: always cut out whole.
    #[wasm_bindgen(js_name = setUserWords)]
    pub fn set_user_words(&mut self, text: &str) {
        self.inner.set_user_words(text);
    }

    /// `text` with each line's words separated by single spaces (lines kept).
    #[wasm_bindgen(js_name = segmentText)]
    pub fn segment_text(&self, text: &str) -> String {
        self.inner.segment_text(text)
    }

    /// The words of one line.
    pub fn words(&self, line: &str) -> Vec<String> {
        self.inner
            .words(line)
            .into_iter()
            .map(String::from)
            .collect()
    }
}
