//! Settings across the boundary: everything the page can set, as one flat object.
//!
//! The [`Config`] fields in camelCase (`minCount`), the enums as their names (`skipgram`,
//! `negative`, `mean`), the seed a number (or null for a random one), then the tokenizer
//! switches; `www/core/protocol.js` has the JSDoc type. Written out field by field: serde's
//! `#[serde(flatten)]` of the two parts would buffer every field through a generic map and cost
//! kilobytes of the size-budgeted module.

use serde::{Deserialize, Serialize};

use crate::config::{Architecture, CbowContext, Config, OutputLayer};
use crate::tokenize::{ChineseText, TokenizerOptions};

#[derive(Serialize, Deserialize)]
#[serde(remote = "Architecture", rename_all = "lowercase")]
enum ArchitectureName {
    Cbow,
    #[serde(rename = "skipgram")]
    SkipGram,
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "OutputLayer")]
enum OutputLayerName {
    #[serde(rename = "softmax")]
    Softmax,
    #[serde(rename = "negative")]
    NegativeSampling,
    #[serde(rename = "hierarchical")]
    Hierarchical,
}

/// A [`ChineseText`] crosses as its name (`words`, `characters`, `spaces`). Written by hand
/// rather than derived: the derived enum code costs the budgeted module about 400 bytes.
mod chinese_text_name {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::tokenize::ChineseText;

    pub fn serialize<S: Serializer>(c: &ChineseText, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(c.name())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<ChineseText, D::Error> {
        let name = String::deserialize(d)?;
        ChineseText::from_name(&name)
            .ok_or_else(|| D::Error::custom("chinese: not one of words, characters, spaces"))
    }
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "CbowContext", rename_all = "lowercase")]
enum CbowContextName {
    Mean,
    Sum,
}

/// Everything the page can set, as one flat object (`www/core/protocol.js` has its JSDoc type): the
/// [`Config`] fields in camelCase (`minCount`), enums as the strings above, the seed a number (or
/// null for a random one), then the tokenizer switches. (One plain struct rather than two
/// `#[serde(flatten)]`ed ones: flattening buffers every field through a generic map and costs
/// kilobytes of wasm.)
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SettingsFields {
    #[serde(with = "ArchitectureName")]
    architecture: Architecture,
    #[serde(with = "OutputLayerName")]
    output: OutputLayer,
    #[serde(with = "CbowContextName")]
    cbow_context: CbowContext,
    dim: usize,
    window: usize,
    dynamic_window: bool,
    negative: usize,
    noise_power: f64,
    epochs: usize,
    alpha: f64,
    min_count: usize,
    sample: f64,
    seed: Option<u64>,
    /// Absent in settings saved before threads existed: one thread.
    #[serde(default = "one_thread")]
    threads: usize,
    lowercase: bool,
    strip_punctuation: bool,
    /// `words` means the worker has already cut the text into words (src/text/segment.rs, in the
    /// segmenter's module): the trainer reads it as `spaces`. Absent in settings saved before
    /// segmentation existed: as written.
    #[serde(with = "chinese_text_name", default)]
    chinese: ChineseText,
}

fn one_thread() -> usize {
    1
}

/// The training configuration and the tokenizer switches; crosses to JavaScript as
/// [`SettingsFields`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "SettingsFields", into = "SettingsFields")]
pub struct Settings {
    pub config: Config,
    pub tokenizer: TokenizerOptions,
}

impl From<SettingsFields> for Settings {
    fn from(f: SettingsFields) -> Settings {
        Settings {
            config: Config {
                architecture: f.architecture,
                output: f.output,
                cbow_context: f.cbow_context,
                dim: f.dim,
                window: f.window,
                dynamic_window: f.dynamic_window,
                negative: f.negative,
                noise_power: f.noise_power,
                epochs: f.epochs,
                alpha: f.alpha,
                min_count: f.min_count,
                sample: f.sample,
                seed: f.seed,
                threads: f.threads,
            },
            tokenizer: TokenizerOptions {
                lowercase: f.lowercase,
                strip_punctuation: f.strip_punctuation,
                chinese: f.chinese,
            },
        }
    }
}

impl From<Settings> for SettingsFields {
    fn from(
        Settings {
            config: c,
            tokenizer: t,
        }: Settings,
    ) -> SettingsFields {
        SettingsFields {
            architecture: c.architecture,
            output: c.output,
            cbow_context: c.cbow_context,
            dim: c.dim,
            window: c.window,
            dynamic_window: c.dynamic_window,
            negative: c.negative,
            noise_power: c.noise_power,
            epochs: c.epochs,
            alpha: c.alpha,
            min_count: c.min_count,
            sample: c.sample,
            seed: c.seed,
            threads: c.threads,
            lowercase: t.lowercase,
            strip_punctuation: t.strip_punctuation,
            chinese: t.chinese,
        }
    }
}
