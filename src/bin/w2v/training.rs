//! `w2v train`: the training run with word2vec.c's progress line, from the settings its flags
//! make (`train_flags.rs`), on whole words or, with `-model fasttext`, on subwords
//! (`word2vec_lab::subwords`); or, with `-model glove` or `-model ppmi`, vectors from the global
//! co-occurrence counts (`word2vec_lab::counts`).

use std::io::Write;
use std::time::Instant;

use word2vec_lab::glove::{glove_vectors, GloveConfig};
use word2vec_lab::ngrams::NgramRows;
use word2vec_lab::pool::Pool;
use word2vec_lab::ppmi::{ppmi_vectors, PpmiConfig};
use word2vec_lab::schema::Settings;
use word2vec_lab::subwords::SubwordConfig;
use word2vec_lab::tokenize::decode_lossy;
use word2vec_lab::{
    formats, ChineseText, Config, Corpus, CorpusBuilder, KeyedVectors, Progress, Segmenter,
    Trainer, VectorSource,
};

use crate::flags::Flags;
use crate::train_flags::settings_from_flags;
use crate::{create_file, read_file};

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
    let Settings { config, tokenizer } = settings_from_flags(f)?;
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
    let chinese = tokenizer.chinese;
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
    let kv = match f.string("model").unwrap_or("word2vec") {
        "word2vec" => train_word2vec(corpus, &config, None, source, quiet)?.0,
        "fasttext" => {
            let defaults = SubwordConfig::default();
            let subwords = SubwordConfig {
                minn: f.get("minn", defaults.minn)?,
                maxn: f.get("maxn", defaults.maxn)?,
                bucket: f.get("bucket", defaults.bucket)?,
            };
            let (kv, ngrams) = train_word2vec(corpus, &config, Some(subwords), source, quiet)?;
            if let Some(ngrams) = ngrams {
                write_ngrams(&format!("{output}.ngrams"), &ngrams)?;
            }
            kv
        }
        "ppmi" => {
            let defaults = PpmiConfig::default();
            let ppmi = PpmiConfig {
                dim: config.dim,
                window: config.window,
                shift: f.get("shift", defaults.shift)?,
                smoothing: f.get("cds", defaults.smoothing)?,
                power: f.get("svd-power", defaults.power)?,
                seed: config.seed.unwrap_or(defaults.seed),
                ..defaults
            };
            timed("PPMI + SVD", quiet, || ppmi_vectors(&corpus, &ppmi))?
        }
        "glove" => {
            let defaults = GloveConfig::default();
            let glove = GloveConfig {
                dim: config.dim,
                window: config.window,
                x_max: f.get("xmax", defaults.x_max)?,
                alpha: f.get("glove-power", defaults.alpha)?,
                eta: if f.has("alpha") {
                    config.alpha
                } else {
                    defaults.eta
                },
                epochs: if f.has("iter") {
                    config.epochs
                } else {
                    defaults.epochs
                },
                seed: config.seed.unwrap_or(defaults.seed),
                ..defaults
            };
            timed("GloVe", quiet, || {
                glove_vectors(&corpus, &glove, |epoch, cost| {
                    if !quiet {
                        eprintln!("GloVe epoch {}: cost {cost:.6}", epoch + 1);
                    }
                })
            })?
        }
        other => {
            return Err(format!(
                "-model: '{other}' is not word2vec, fasttext, glove or ppmi"
            ))
        }
    };
    write_vectors(f, output, &kv, binary)
}

/// The count-based vectors `make` builds, saying on stderr how long the `model` took.
fn timed(
    model: &str,
    quiet: bool,
    make: impl FnOnce() -> word2vec_lab::Result<KeyedVectors>,
) -> Result<KeyedVectors, String> {
    let started = Instant::now();
    let kv = make().map_err(|e| e.to_string())?;
    if !quiet {
        eprintln!("{model} vectors in {:.2}s", started.elapsed().as_secs_f64());
    }
    Ok(kv)
}

/// Train word2vec on `corpus` (on subwords, if given) with progress on stderr; the vectors of
/// `source`, and with subwords the n-gram rows.
fn train_word2vec(
    corpus: Corpus,
    config: &Config,
    subwords: Option<SubwordConfig>,
    source: VectorSource,
    quiet: bool,
) -> Result<(KeyedVectors, Option<NgramRows>), String> {
    let threads = config.threads;
    let mut trainer =
        Trainer::with_subwords(corpus, config, subwords).map_err(|e| e.to_string())?;
    if let (Some(s), false) = (&trainer.model().subwords, quiet) {
        let c = s.config();
        let (rows, dim) = (s.total_rows(), trainer.model().dim);
        let mb = trainer.model().input.len() as f64 * 4.0 / 1e6;
        eprintln!(
            "Subwords: n-grams of {}..{} characters in {} buckets; W is {rows} × {dim} ({mb:.0} MB)",
            c.minn, c.maxn, c.bucket
        );
    }
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
    Ok((kv, NgramRows::from_model(trainer.model())))
}

/// Save a subword model's n-gram rows (`word2vec_lab::ngrams`), so that `w2v nearest` and
/// `analogy` can answer a word it never saw.
fn write_ngrams(path: &str, ngrams: &NgramRows) -> Result<(), String> {
    let mut out = create_file(path)?;
    ngrams
        .write(&mut out)
        .and_then(|()| out.flush())
        .map_err(|e| format!("'{path}': {e}"))
}

/// Save `kv` to `output` (word2vec text, or binary), and for `-tsv` the Projector's two files.
fn write_vectors(f: &Flags, output: &str, kv: &KeyedVectors, binary: bool) -> Result<(), String> {
    let mut out = create_file(output)?;
    let written = if binary {
        formats::write_binary(&mut out, kv)
    } else {
        formats::write_text(&mut out, kv)
    };
    written.map_err(|e| format!("'{output}': {e}"))?;
    out.flush().map_err(|e| format!("'{output}': {e}"))?;
    if let Some(dir) = f.string("tsv") {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create '{dir}': {e}"))?;
        let (vp, mp) = (format!("{dir}/vectors.tsv"), format!("{dir}/metadata.tsv"));
        let (mut v, mut m) = (create_file(&vp)?, create_file(&mp)?);
        formats::write_projector_tsv(&mut v, &mut m, kv).map_err(|e| e.to_string())?;
        v.flush()
            .and(m.flush())
            .map_err(|e| format!("'{dir}': {e}"))?;
    }
    Ok(())
}
