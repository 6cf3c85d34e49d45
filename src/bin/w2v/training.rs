//! `w2v train`: Google word2vec's flags (`-train -output -cbow -size -window -negative -hs
//! -sample -threads -iter -min-count -alpha -binary`) and the lesson's own, the configuration they
//! make, and the training run with word2vec.c's progress line.

use std::io::Write;
use std::time::Instant;

use word2vec_lab::config::CbowContext;
use word2vec_lab::pool::Pool;
use word2vec_lab::tokenize::decode_lossy;
use word2vec_lab::{
    formats, Architecture, ChineseText, Config, CorpusBuilder, KeyedVectors, OutputLayer, Progress,
    Segmenter, TokenizerOptions, Trainer, VectorSource,
};

use crate::flags::{FlagSpec, Flags, Shown};
use crate::{create_file, read_file};
pub const TRAIN_FLAGS: &[FlagSpec] = &[
    FlagSpec { name: "train", value: "FILE", default: Shown::Nothing, help: "training text: one sentence per line, words separated by spaces" },
    FlagSpec { name: "output", value: "FILE", default: Shown::Nothing, help: "where to save the word vectors" },
    FlagSpec { name: "cbow", value: "0|1", default: Shown::Of(|| bit(word2vec().architecture == Architecture::Cbow)), help: "1 = CBOW (context predicts word), 0 = skip-gram (word predicts context)" },
    FlagSpec { name: "size", value: "N", default: Shown::Of(|| word2vec().dim.to_string()), help: "dimensions of the word vectors" },
    FlagSpec { name: "window", value: "N", default: Shown::Of(|| word2vec().window.to_string()), help: "context words on each side" },
    FlagSpec { name: "negative", value: "N", default: Shown::Of(|| word2vec().negative.to_string()), help: "noise words per positive pair (negative sampling); 0 = off" },
    FlagSpec { name: "hs", value: "0|1", default: Shown::Of(|| bit(word2vec().output == OutputLayer::Hierarchical)), help: "1 = hierarchical softmax over a Huffman tree (use with -negative 0)" },
    FlagSpec { name: "softmax", value: "0|1", default: Shown::Of(|| bit(word2vec().output == OutputLayer::Softmax)), help: "1 = exact full softmax (small vocabularies only; use with -negative 0)" },
    FlagSpec { name: "sample", value: "F", default: Shown::Of(|| word2vec().sample.to_string()), help: "subsampling threshold for frequent words; 0 = off" },
    FlagSpec { name: "threads", value: "N", default: Shown::Of(|| word2vec().threads.to_string()), help: "training threads (more than 1 = Hogwild, not bit-reproducible)" },
    FlagSpec { name: "iter", value: "N", default: Shown::Of(|| word2vec().epochs.to_string()), help: "training epochs" },
    FlagSpec { name: "min-count", value: "N", default: Shown::Of(|| word2vec().min_count.to_string()), help: "discard words seen fewer times" },
    FlagSpec { name: "alpha", value: "F", default: Shown::Of(|| format!("{} CBOW, {} skip-gram", Config::default_alpha(Architecture::Cbow), Config::default_alpha(Architecture::SkipGram))), help: "starting learning rate" },
    FlagSpec { name: "binary", value: "0|1", default: Shown::Nothing, help: "1 = save in word2vec binary format" },
    FlagSpec { name: "seed", value: "N", default: Shown::Text("random"), help: "seed for every random choice; same seed + flags + corpus = same vectors (with -threads 1)" },
    FlagSpec { name: "power", value: "F", default: Shown::Of(|| word2vec().noise_power.to_string()), help: "noise distribution exponent: P(w) ∝ count^power" },
    FlagSpec { name: "fixed-window", value: "0|1", default: Shown::Of(|| bit(!word2vec().dynamic_window)), help: "1 = always use the full window (no random shrink)" },
    FlagSpec { name: "cbow-sum", value: "0|1", default: Shown::Of(|| bit(word2vec().cbow_context == CbowContext::Sum)), help: "1 = CBOW sums the context vectors instead of averaging" },
    FlagSpec { name: "vectors", value: "input|output|average", default: Shown::Text("input"), help: "which vectors to save" },
    FlagSpec { name: "lowercase", value: "0|1", default: Shown::Of(|| bit(TokenizerOptions::default().lowercase)), help: "fold text to lower case" },
    FlagSpec { name: "strip-punct", value: "0|1", default: Shown::Of(|| bit(TokenizerOptions::default().strip_punctuation)), help: "treat punctuation as white space" },
    FlagSpec { name: "segment", value: "words|characters|spaces", default: Shown::Of(|| TokenizerOptions::default().chinese.name().to_string()), help: "Chinese text: cut into words (jieba), one token per character, or as written (spaces between words)" },
    FlagSpec { name: "dict", value: "FILE", default: Shown::Text("jieba's dict.txt (compiled in natively)"), help: "with -segment words: the dictionary, one 'word count' a line" },
    FlagSpec { name: "user-words", value: "FILE", default: Shown::Nothing, help: "with -segment words: words always cut out whole, one a line (e.g. 咖啡 out of 喝咖啡)" },
    FlagSpec { name: "save-vocab", value: "FILE", default: Shown::Nothing, help: "also write the vocabulary ('word count' per line)" },
    FlagSpec { name: "tsv", value: "DIR", default: Shown::Nothing, help: "also write DIR/vectors.tsv and DIR/metadata.tsv for the Embedding Projector" },
    FlagSpec { name: "quiet", value: "0|1", default: Shown::Nothing, help: "1 = no progress on stderr" },
];

/// The defaults of `w2v train`: word2vec.c's, as `Config::default()` has them (the flags' help
/// reads them there too).
fn word2vec() -> Config {
    Config::default()
}

/// A switch's value as the flag takes it.
fn bit(on: bool) -> String {
    u8::from(on).to_string()
}

/// Build the training configuration from word2vec-style flags.
fn config_from_flags(f: &Flags) -> Result<Config, String> {
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
    let seed = match f.string("seed") {
        None => None,
        Some(_) => Some(f.get::<u64>("seed", 0)?),
    };
    Ok(Config {
        architecture,
        output,
        cbow_context: if f.switch("cbow-sum", d.cbow_context == CbowContext::Sum)? {
            CbowContext::Sum
        } else {
            CbowContext::Mean
        },
        dim: f.get("size", d.dim)?,
        window: f.get("window", d.window)?,
        dynamic_window: !f.switch("fixed-window", !d.dynamic_window)?,
        negative: if output == OutputLayer::NegativeSampling {
            negative
        } else {
            0
        },
        noise_power: f.get("power", d.noise_power)?,
        epochs: f.get("iter", d.epochs)?,
        alpha: f.get("alpha", Config::default_alpha(architecture))?,
        min_count: f.get("min-count", d.min_count)?,
        sample: f.get("sample", d.sample)?,
        seed,
        threads: f.get("threads", d.threads)?,
    })
}

/// The segmenter for `-segment words`: `-dict FILE` or the dictionary compiled in, with the
/// words of `-user-words FILE`.
fn segmenter(f: &Flags) -> Result<Segmenter, String> {
    let mut segmenter = match f.string("dict") {
        Some(path) => {
            let bytes = read_file(path)?;
            Segmenter::from_dictionary(&decode_lossy(&bytes).0)
                .map_err(|e| format!("-dict '{path}': {e}"))?
        }
        None => bundled_segmenter()?,
    };
    if let Some(path) = f.string("user-words") {
        segmenter.set_user_words(&decode_lossy(&read_file(path)?).0);
    }
    Ok(segmenter)
}

#[cfg(not(target_arch = "wasm32"))]
fn bundled_segmenter() -> Result<Segmenter, String> {
    Ok(Segmenter::bundled())
}

#[cfg(target_arch = "wasm32")]
fn bundled_segmenter() -> Result<Segmenter, String> {
    Err(
        "-segment words: the WebAssembly build has no dictionary compiled in; pass -dict FILE \
         (jieba's dict.txt) or use the native w2v"
            .into(),
    )
}

fn vector_source(f: &Flags) -> Result<VectorSource, String> {
    match f.string("vectors").unwrap_or("input") {
        "input" => Ok(VectorSource::Input),
        "output" => Ok(VectorSource::Output),
        "average" => Ok(VectorSource::Average),
        other => Err(format!(
            "-vectors: '{other}' must be input, output or average"
        )),
    }
}

fn progress_line(p: &Progress, words_per_sec: f64) -> String {
    format!(
        "Alpha: {:.6}  Progress: {:5.1}%  Words/sec: {:.1}k  Loss: {:.4}",
        p.alpha,
        100.0 * p.words_done as f64 / p.total_words.max(1) as f64,
        words_per_sec / 1000.0,
        p.loss
    )
}

/// The threads training runs on: this one and `threads − 1` helpers.
#[cfg(not(target_family = "wasm"))]
fn pool_of(threads: usize) -> std::sync::Arc<Pool> {
    Pool::with_native_helpers(threads - 1)
}

/// WASI has no threads (`train` refuses `-threads` > 1 there).
#[cfg(target_family = "wasm")]
fn pool_of(_threads: usize) -> std::sync::Arc<Pool> {
    std::sync::Arc::new(Pool::new())
}

pub fn train(f: &Flags) -> Result<(), String> {
    let input = f.required("train")?;
    let output = f.required("output")?;
    let config = config_from_flags(f)?;
    config.validate().map_err(|e| e.to_string())?;
    let source = vector_source(f)?;
    let threads = config.threads;
    if cfg!(target_os = "wasi") && threads > 1 {
        return Err(format!(
            "-threads: {threads} threads asked for, but the WebAssembly build (npm run w2v) has \
             one; use -threads 1"
        ));
    }
    let quiet = f.switch("quiet", false)?;
    let t = TokenizerOptions::default();
    let chinese = match f.string("segment") {
        None => t.chinese,
        Some(name) => ChineseText::from_name(name)
            .ok_or_else(|| format!("-segment: '{name}' is not one of words, characters, spaces"))?,
    };
    let tokenizer = TokenizerOptions {
        lowercase: f.switch("lowercase", t.lowercase)?,
        strip_punctuation: f.switch("strip-punct", t.strip_punctuation)?,
        chinese,
    };
    let segmenter = if chinese == ChineseText::Words {
        Some(segmenter(f)?)
    } else {
        None
    };
    let binary = f.switch("binary", false)?;

    let started = Instant::now();
    let bytes = read_file(input)?;
    let (text, replaced) = decode_lossy(&bytes);
    if replaced && !quiet {
        eprintln!("warning: '{input}' is not valid UTF-8; invalid bytes were replaced by U+FFFD");
    }
    let mut builder = CorpusBuilder::new(tokenizer);
    match &segmenter {
        Some(s) => builder.push_text(&s.segment_text(&text)),
        None => builder.push_text(&text),
    }
    let tokens_read = builder.tokens_read();
    drop(text);
    drop(bytes);
    let corpus = builder
        .finish(config.min_count)
        .map_err(|e| e.to_string())?;
    if !quiet {
        eprintln!(
            "Vocab size: {}\nWords in train file: {} ({} before min-count)\nRead in {:.2}s",
            corpus.vocab.len(),
            corpus.num_tokens(),
            tokens_read,
            started.elapsed().as_secs_f64()
        );
    }
    if let Some(path) = f.string("save-vocab") {
        let mut out = create_file(path)?;
        for (w, c) in corpus.vocab.words().iter().zip(corpus.vocab.counts()) {
            writeln!(out, "{w} {c}").map_err(|e| format!("writing '{path}': {e}"))?;
        }
    }
    let mut trainer = Trainer::new(corpus, &config).map_err(|e| e.to_string())?;
    if !quiet && config.seed.is_none() {
        eprintln!(
            "Seed: {} (pass -seed {} to repeat this run)",
            trainer.model().seed,
            trainer.model().seed
        );
    }

    let train_start = Instant::now();
    let mut last_print = Instant::now();
    let mut show = |p: &Progress| {
        if !quiet && (last_print.elapsed().as_millis() >= 200 || p.done) {
            let rate = p.words_done as f64 / train_start.elapsed().as_secs_f64().max(1e-9);
            eprint!("\r{}  ", progress_line(p, rate));
            last_print = Instant::now();
        }
    };
    let pool = pool_of(threads);
    let last = loop {
        let p = trainer
            .train_on(&pool, 100_000 * threads as u64)
            .map_err(|e| e.to_string())?;
        show(&p);
        if p.done {
            break p;
        }
    };
    let seconds = train_start.elapsed().as_secs_f64();
    if !quiet {
        eprintln!(
            "\nTrained {} words in {:.2}s: {:.0} words/sec ({} thread{})",
            last.words_done,
            seconds,
            last.words_done as f64 / seconds,
            threads,
            if threads == 1 { "" } else { "s" }
        );
    }

    let kv = KeyedVectors::from_model(trainer.model(), source).map_err(|e| e.to_string())?;
    let mut out = create_file(output)?;
    let written = if binary {
        formats::write_binary(&mut out, &kv)
    } else {
        formats::write_text(&mut out, &kv)
    };
    written.map_err(|e| format!("'{output}': {e}"))?;
    out.flush().map_err(|e| format!("'{output}': {e}"))?;
    if let Some(dir) = f.string("tsv") {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create '{dir}': {e}"))?;
        let (vp, mp) = (format!("{dir}/vectors.tsv"), format!("{dir}/metadata.tsv"));
        let (mut v, mut m) = (create_file(&vp)?, create_file(&mp)?);
        formats::write_projector_tsv(&mut v, &mut m, &kv).map_err(|e| e.to_string())?;
        v.flush()
            .and(m.flush())
            .map_err(|e| format!("'{dir}': {e}"))?;
    }
    Ok(())
}
