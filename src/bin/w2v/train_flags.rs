//! `w2v train`'s flags: Google word2vec's, the lesson's, and one for every setting whose schema
//! row names a flag (`word2vec_lab::schema`), with its help and default taken from that row.

use std::borrow::Cow;
use std::sync::OnceLock;

use word2vec_lab::config::CbowContext;
use word2vec_lab::glove::GloveConfig;
use word2vec_lab::ppmi::PpmiConfig;
use word2vec_lab::schema::{self, Kind, Setting, Settings, Value};
use word2vec_lab::subwords::SubwordConfig;
use word2vec_lab::{Architecture, Config, OutputLayer};

use crate::flags::{FlagSpec, Flags, Shown};

/// The files, and word2vec.c's flags that are not one setting each: `-cbow` picks the
/// architecture; `-negative`, `-hs` and `-softmax` together pick the output layer.
#[rustfmt::skip]
const WORD2VEC_FLAGS: &[FlagSpec] = &[
    FlagSpec { name: "train", value: Cow::Borrowed("FILE"), default: Shown::Nothing, help: Cow::Borrowed("training text: one sentence per line, words separated by spaces") },
    FlagSpec { name: "output", value: Cow::Borrowed("FILE"), default: Shown::Nothing, help: Cow::Borrowed("where to save the word vectors") },
    FlagSpec { name: "cbow", value: Cow::Borrowed("0|1"), default: Shown::Of(|| bit(word2vec().architecture == Architecture::Cbow)), help: Cow::Borrowed("1 = CBOW (context predicts word), 0 = skip-gram (word predicts context)") },
    FlagSpec { name: "negative", value: Cow::Borrowed("N"), default: Shown::Of(|| word2vec().negative.to_string()), help: Cow::Borrowed("noise words per positive pair (negative sampling); 0 = off (then -hs 1 or -softmax 1)") },
    FlagSpec { name: "hs", value: Cow::Borrowed("0|1"), default: Shown::Of(|| bit(word2vec().output == OutputLayer::Hierarchical)), help: Cow::Borrowed("1 = hierarchical softmax over a Huffman tree (use with -negative 0)") },
    FlagSpec { name: "softmax", value: Cow::Borrowed("0|1"), default: Shown::Of(|| bit(word2vec().output == OutputLayer::Softmax)), help: Cow::Borrowed("1 = exact full softmax (small vocabularies only; use with -negative 0)") },
];

/// The lesson's switches for choices word2vec.c makes one way, and what to write.
#[rustfmt::skip]
const OTHER_FLAGS: &[FlagSpec] = &[
    FlagSpec { name: "fixed-window", value: Cow::Borrowed("0|1"), default: Shown::Of(|| bit(!word2vec().dynamic_window)), help: Cow::Borrowed("1 = always use the full window (no random shrink)") },
    FlagSpec { name: "cbow-sum", value: Cow::Borrowed("0|1"), default: Shown::Of(|| bit(word2vec().cbow_context == CbowContext::Sum)), help: Cow::Borrowed("1 = CBOW sums the context vectors instead of averaging") },
    FlagSpec { name: "binary", value: Cow::Borrowed("0|1"), default: Shown::Nothing, help: Cow::Borrowed("1 = save in word2vec binary format") },
    FlagSpec { name: "vectors", value: Cow::Borrowed("input|output|average"), default: Shown::Text("input"), help: Cow::Borrowed("which vectors to save") },
    FlagSpec { name: "dict", value: Cow::Borrowed("FILE"), default: Shown::Text("jieba's dict.txt (compiled in natively)"), help: Cow::Borrowed("with -segment words: the dictionary, one 'word count' a line") },
    FlagSpec { name: "user-words", value: Cow::Borrowed("FILE"), default: Shown::Nothing, help: Cow::Borrowed("with -segment words: words always cut out whole, one a line (e.g. 咖啡 out of 喝咖啡)") },
    FlagSpec { name: "save-vocab", value: Cow::Borrowed("FILE"), default: Shown::Nothing, help: Cow::Borrowed("also write the vocabulary ('word count' per line)") },
    FlagSpec { name: "tsv", value: Cow::Borrowed("DIR"), default: Shown::Nothing, help: Cow::Borrowed("also write DIR/vectors.tsv and DIR/metadata.tsv for the Embedding Projector") },
    FlagSpec { name: "quiet", value: Cow::Borrowed("0|1"), default: Shown::Nothing, help: Cow::Borrowed("1 = no progress on stderr") },
    FlagSpec { name: "model", value: Cow::Borrowed("word2vec|fasttext|glove|ppmi"), default: Shown::Text("word2vec"), help: Cow::Borrowed("fasttext = word2vec on subwords: a word is the mean of its row and its character n-grams' rows (uses every word2vec flag); glove = fit dot products to the log co-occurrence counts (uses -size, -window, -min-count, -seed; -iter and -alpha if given); ppmi = shifted positive PMI of the counts, factorised by a truncated SVD") },
    FlagSpec { name: "minn", value: Cow::Borrowed("N"), default: Shown::Of(|| SubwordConfig::default().minn.to_string()), help: Cow::Borrowed("with -model fasttext: the shortest n-gram, in characters (of <word>)") },
    FlagSpec { name: "maxn", value: Cow::Borrowed("N"), default: Shown::Of(|| SubwordConfig::default().maxn.to_string()), help: Cow::Borrowed("with -model fasttext: the longest n-gram, in characters") },
    FlagSpec { name: "bucket", value: Cow::Borrowed("N"), default: Shown::Of(|| SubwordConfig::default().bucket.to_string()), help: Cow::Borrowed("with -model fasttext: rows the n-grams are hashed into (W has |V| + N rows)") },
    FlagSpec { name: "xmax", value: Cow::Borrowed("F"), default: Shown::Of(|| GloveConfig::default().x_max.to_string()), help: Cow::Borrowed("with -model glove: counts from F on weigh 1 in the loss") },
    FlagSpec { name: "glove-power", value: Cow::Borrowed("F"), default: Shown::Of(|| GloveConfig::default().alpha.to_string()), help: Cow::Borrowed("with -model glove: a count x below -xmax weighs (x / xmax)^F") },
    FlagSpec { name: "shift", value: Cow::Borrowed("K"), default: Shown::Of(|| PpmiConfig::default().shift.to_string()), help: Cow::Borrowed("with -model ppmi: PMI shifted by ln K (K plays negative sampling's k)") },
    FlagSpec { name: "cds", value: Cow::Borrowed("F"), default: Shown::Of(|| PpmiConfig::default().smoothing.to_string()), help: Cow::Borrowed("with -model ppmi: context counts raised to F (1 = no smoothing)") },
    FlagSpec { name: "svd-power", value: Cow::Borrowed("P"), default: Shown::Of(|| PpmiConfig::default().power.to_string()), help: Cow::Borrowed("with -model ppmi: word vectors U·Σ^P") },
];

/// Every flag of `w2v train`: word2vec.c's, then the settings' (in the schema's order), then
/// the rest.
pub fn train_flags() -> &'static [FlagSpec] {
    static FLAGS: OnceLock<Vec<FlagSpec>> = OnceLock::new();
    FLAGS.get_or_init(|| {
        let defaults = Settings::default();
        let settings = schema::all().filter_map(|s| Some(setting_flag(s, s.flag?, &defaults)));
        WORD2VEC_FLAGS
            .iter()
            .cloned()
            .chain(settings)
            .chain(OTHER_FLAGS.iter().cloned())
            .collect()
    })
}

/// The flag of a setting: its placeholder from the kind, its help and default from the row.
fn setting_flag(s: &Setting, flag: &'static str, defaults: &Settings) -> FlagSpec {
    let value = match s.kind {
        Kind::Whole(_) | Kind::WholeOrNone(_) => Cow::Borrowed("N"),
        Kind::Real(_) => Cow::Borrowed("F"),
        Kind::Switch => Cow::Borrowed("0|1"),
        Kind::Choice(names) => Cow::Owned(names.join("|")),
    };
    let default = match defaults.get(s.name) {
        // The learning rate's default depends on the architecture (`-cbow`).
        _ if s.name == "alpha" => Shown::Of(|| {
            let rate = Config::default_alpha;
            let (cbow, skip_gram) = (rate(Architecture::Cbow), rate(Architecture::SkipGram));
            format!("{cbow} CBOW, {skip_gram} skip-gram")
        }),
        Some(Value::Number(x)) => Shown::Value(x.to_string()),
        Some(Value::Switch(on)) => Shown::Value(bit(on)),
        Some(Value::Name(name)) => Shown::Value(name.to_string()),
        Some(Value::None) | None => Shown::Text("random"),
    };
    FlagSpec {
        name: flag,
        value,
        default,
        help: Cow::Borrowed(schema::help(s)),
    }
}

/// The defaults of `w2v train`: word2vec.c's, as `Config::default()` has them (the flags' help
/// reads them there too).
fn word2vec() -> Config {
    Config::default()
}

/// A switch's value as the flag takes it.
fn bit(on: bool) -> String {
    u8::from(on).to_string()
}

/// Every setting that has a flag, from the flags given (the others keep their values).
fn read_settings(f: &Flags, settings: &mut Settings) -> Result<(), String> {
    for s in schema::all() {
        let Some((flag, text)) = s.flag.and_then(|flag| Some((flag, f.string(flag)?))) else {
            continue;
        };
        let value = match s.kind {
            Kind::Whole(_) | Kind::WholeOrNone(_) => Value::Number(f.get::<u64>(flag, 0)? as f64),
            Kind::Real(_) => Value::Number(f.get::<f64>(flag, 0.0)?),
            Kind::Switch => Value::Switch(f.switch(flag, false)?),
            Kind::Choice(names) if !names.contains(&text) => {
                return Err(format!(
                    "-{flag}: '{text}' is not one of {}",
                    names.join(", ")
                ));
            }
            Kind::Choice(_) => Value::Name(text),
        };
        settings
            .set(s.name, value)
            .map_err(|e| format!("-{flag}: {e}"))?;
    }
    Ok(())
}

/// The configuration and tokenizer switches from word2vec-style flags.
pub fn settings_from_flags(f: &Flags) -> Result<Settings, String> {
    let d = word2vec();
    let architecture = if f.switch("cbow", d.architecture == Architecture::Cbow)? {
        Architecture::Cbow
    } else {
        Architecture::SkipGram
    };
    let negative: usize = f.get("negative", d.negative)?;
    let (hs, softmax) = (
        f.switch("hs", d.output == OutputLayer::Hierarchical)?,
        f.switch("softmax", d.output == OutputLayer::Softmax)?,
    );
    let output = match (hs, softmax, negative > 0) {
        (false, false, true) => OutputLayer::NegativeSampling,
        (true, false, false) => OutputLayer::Hierarchical,
        (false, true, false) => OutputLayer::Softmax,
        (false, false, false) => {
            return Err("-negative 0 without -hs 1 or -softmax 1 leaves no output layer".into())
        }
        _ => {
            return Err(
                "choose one output layer: -negative N, or -hs 1 -negative 0, or -softmax 1 -negative 0 \
                 (word2vec.c can combine hierarchical softmax with negative sampling; this tool teaches them apart)"
                    .into(),
            )
        }
    };
    let mut settings = Settings {
        config: Config {
            architecture,
            output,
            negative: if output == OutputLayer::NegativeSampling {
                negative
            } else {
                0
            },
            alpha: Config::default_alpha(architecture),
            cbow_context: if f.switch("cbow-sum", d.cbow_context == CbowContext::Sum)? {
                CbowContext::Sum
            } else {
                CbowContext::Mean
            },
            dynamic_window: !f.switch("fixed-window", !d.dynamic_window)?,
            ..d
        },
        ..Settings::default()
    };
    read_settings(f, &mut settings)?;
    Ok(settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No flag twice, and every setting with a flag in the schema is read from it.
    #[test]
    fn every_flag_once_and_every_settings_flag_read() {
        let flags = train_flags();
        let mut names: Vec<_> = flags.iter().map(|f| f.name).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before, "a flag is listed twice");
        let args: Vec<String> = [
            "-size",
            "7",
            "-power",
            "0.5",
            "-lowercase",
            "1",
            "-segment",
            "characters",
            "-seed",
            "9",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let s = settings_from_flags(&Flags::parse(&args, flags).unwrap()).unwrap();
        assert_eq!(s.config.dim, 7);
        assert_eq!(s.config.noise_power, 0.5);
        assert_eq!(s.config.seed, Some(9));
        assert!(s.tokenizer.lowercase);
        assert_eq!(s.tokenizer.chinese, word2vec_lab::ChineseText::Characters);
    }
}
