//! `w2v`: the native command line of word2vec-lab.
//!
//! `w2v train` takes Google word2vec's flags (`-train -output -cbow -size -window -negative -hs
//! -sample -threads -iter -min-count -alpha -binary`) so that the same command line trains here
//! and in word2vec.c, plus `-seed`, `-softmax` and the lesson's options. `nearest`, `analogy` and
//! `eval` query and score any word2vec-format file; `preset` prints a generated corpus.

mod flags;

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

use flags::{help, FlagSpec, Flags};
use word2vec_lab::config::CbowContext;
use word2vec_lab::pool::Pool;
use word2vec_lab::query::{AnalogyMethod, Scored};
use word2vec_lab::tokenize::decode_lossy;
use word2vec_lab::{
    eval, formats, presets, presets::Preset, Architecture, ChineseText, Config, CorpusBuilder,
    KeyedVectors, OutputLayer, Progress, Segmenter, TokenizerOptions, Trainer, VectorSource,
};

const TRAIN_FLAGS: &[FlagSpec] = &[
    FlagSpec { name: "train", value: "FILE", default: "", help: "training text: one sentence per line, words separated by spaces" },
    FlagSpec { name: "output", value: "FILE", default: "", help: "where to save the word vectors" },
    FlagSpec { name: "cbow", value: "0|1", default: "1", help: "1 = CBOW (context predicts word), 0 = skip-gram (word predicts context)" },
    FlagSpec { name: "size", value: "N", default: "100", help: "dimensions of the word vectors" },
    FlagSpec { name: "window", value: "N", default: "5", help: "context words on each side" },
    FlagSpec { name: "negative", value: "N", default: "5", help: "noise words per positive pair (negative sampling); 0 = off" },
    FlagSpec { name: "hs", value: "0|1", default: "0", help: "1 = hierarchical softmax over a Huffman tree (use with -negative 0)" },
    FlagSpec { name: "softmax", value: "0|1", default: "0", help: "1 = exact full softmax (small vocabularies only; use with -negative 0)" },
    FlagSpec { name: "sample", value: "F", default: "1e-3", help: "subsampling threshold for frequent words; 0 = off" },
    FlagSpec { name: "threads", value: "N", default: "1", help: "training threads (more than 1 = Hogwild, not bit-reproducible)" },
    FlagSpec { name: "iter", value: "N", default: "5", help: "training epochs" },
    FlagSpec { name: "min-count", value: "N", default: "5", help: "discard words seen fewer times" },
    FlagSpec { name: "alpha", value: "F", default: "0.05 CBOW, 0.025 skip-gram", help: "starting learning rate" },
    FlagSpec { name: "binary", value: "0|1", default: "0", help: "1 = save in word2vec binary format" },
    FlagSpec { name: "seed", value: "N", default: "random", help: "seed for every random choice; same seed + flags + corpus = same vectors (with -threads 1)" },
    FlagSpec { name: "power", value: "F", default: "0.75", help: "noise distribution exponent: P(w) ∝ count^power" },
    FlagSpec { name: "fixed-window", value: "0|1", default: "0", help: "1 = always use the full window (no random shrink)" },
    FlagSpec { name: "cbow-sum", value: "0|1", default: "0", help: "1 = CBOW sums the context vectors instead of averaging" },
    FlagSpec { name: "vectors", value: "input|output|average", default: "input", help: "which vectors to save" },
    FlagSpec { name: "lowercase", value: "0|1", default: "0", help: "fold text to lower case" },
    FlagSpec { name: "strip-punct", value: "0|1", default: "0", help: "treat punctuation as white space" },
    FlagSpec { name: "segment", value: "words|characters|spaces", default: "spaces", help: "Chinese text: cut into words (jieba), one token per character, or as written (spaces between words)" },
    FlagSpec { name: "dict", value: "FILE", default: "jieba's dict.txt (compiled in natively)", help: "with -segment words: the dictionary, one 'word count' a line" },
    FlagSpec { name: "user-words", value: "FILE", default: "", help: "with -segment words: words always cut out whole, one a line (e.g. 咖啡 out of 喝咖啡)" },
    FlagSpec { name: "save-vocab", value: "FILE", default: "", help: "also write the vocabulary ('word count' per line)" },
    FlagSpec { name: "tsv", value: "DIR", default: "", help: "also write DIR/vectors.tsv and DIR/metadata.tsv for the Embedding Projector" },
    FlagSpec { name: "quiet", value: "0|1", default: "0", help: "1 = no progress on stderr" },
];

const QUERY_FLAGS: &[FlagSpec] = &[
    FlagSpec {
        name: "k",
        value: "N",
        default: "10",
        help: "how many answers",
    },
    FlagSpec {
        name: "method",
        value: "add|mul",
        default: "add",
        help: "analogy scoring: 3CosAdd or 3CosMul",
    },
];

const EVAL_FLAGS: &[FlagSpec] = &[
    FlagSpec {
        name: "analogies",
        value: "FILE",
        default: "",
        help: "analogy questions (': section' lines, then 'a b c d')",
    },
    FlagSpec {
        name: "similarity",
        value: "FILE",
        default: "",
        help: "word pairs with human scores ('w1 w2 score' per line)",
    },
    FlagSpec {
        name: "restrict",
        value: "N",
        default: "30000",
        help: "analogy answers are searched among the N most frequent words",
    },
];

const PRESET_FLAGS: &[FlagSpec] = &[
    FlagSpec {
        name: "seed",
        value: "N",
        default: "1",
        help: "generator seed",
    },
    FlagSpec {
        name: "sentences",
        value: "N",
        default: "the preset's",
        help: "number of sentences (lines of verse for zh-classics)",
    },
];

const USAGE: &str = "w2v — word2vec for learning word2vec

Usage:
  w2v train -train FILE -output FILE [flags]    train word vectors (flags as Google's word2vec)
  w2v nearest VECTORS [WORD ...] [-k N]         nearest neighbours by cosine (words from stdin if none)
  w2v analogy VECTORS [A B C] [-k N]            A : B :: C : ?  (triples from stdin if none)
  w2v eval VECTORS [-analogies F] [-similarity F]   analogy accuracy and similarity Spearman
  w2v preset NAME [-seed N] [-sentences N]      print a generated corpus: tutorial, eat-drink,
                                                transformer, royal or zh-classics

VECTORS is a word2vec text or binary file (detected), or GloVe/fastText text.
'w2v COMMAND --help' lists a command's flags.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((c, rest)) => (c.as_str(), rest),
        None => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let wants_help = rest
        .iter()
        .any(|a| a == "--help" || a == "-h" || a == "-help");
    let result = match command {
        "--help" | "-h" | "help" => {
            println!("{USAGE}");
            Ok(())
        }
        "train" if wants_help => print_help(
            "w2v train -train FILE -output FILE [flags]",
            "Train word vectors.",
            TRAIN_FLAGS,
        ),
        "nearest" if wants_help => print_help(
            "w2v nearest VECTORS [WORD ...] [-k N]",
            "Nearest neighbours by cosine similarity.",
            QUERY_FLAGS,
        ),
        "analogy" if wants_help => print_help(
            "w2v analogy VECTORS [A B C] [-k N] [-method add|mul]",
            "Solve A : B :: C : ?",
            QUERY_FLAGS,
        ),
        "eval" if wants_help => print_help(
            "w2v eval VECTORS [-analogies FILE] [-similarity FILE]",
            "Score vectors on standard benchmarks.",
            EVAL_FLAGS,
        ),
        "preset" if wants_help => print_help(
            "w2v preset tutorial|eat-drink|transformer|royal|zh-classics [flags]",
            "Print a corpus generated by this project.",
            PRESET_FLAGS,
        ),
        "train" => Flags::parse(rest, TRAIN_FLAGS).and_then(|f| train(&f)),
        "nearest" => Flags::parse(rest, QUERY_FLAGS).and_then(|f| nearest(&f)),
        "analogy" => Flags::parse(rest, QUERY_FLAGS).and_then(|f| analogy(&f)),
        "eval" => Flags::parse(rest, EVAL_FLAGS).and_then(|f| evaluate(&f)),
        "preset" => Flags::parse(rest, PRESET_FLAGS).and_then(|f| preset(&f)),
        other => Err(format!("unknown command '{other}'\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("w2v {command}: {message}");
            ExitCode::FAILURE
        }
    }
}

fn print_help(usage: &str, about: &str, specs: &[FlagSpec]) -> Result<(), String> {
    print!("{}", help(usage, about, specs));
    Ok(())
}

fn read_file(path: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read '{path}': {e}"))
}

fn create_file(path: &str) -> Result<BufWriter<std::fs::File>, String> {
    std::fs::File::create(path)
        .map(BufWriter::new)
        .map_err(|e| format!("cannot create '{path}': {e}"))
}

/// Build the training configuration from word2vec-style flags.
fn config_from_flags(f: &Flags) -> Result<Config, String> {
    let architecture = if f.switch("cbow", true)? {
        Architecture::Cbow
    } else {
        Architecture::SkipGram
    };
    let negative: usize = f.get("negative", 5)?;
    let (hs, softmax) = (f.switch("hs", false)?, f.switch("softmax", false)?);
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
        cbow_context: if f.switch("cbow-sum", false)? {
            CbowContext::Sum
        } else {
            CbowContext::Mean
        },
        dim: f.get("size", 100)?,
        window: f.get("window", 5)?,
        dynamic_window: !f.switch("fixed-window", false)?,
        negative: if output == OutputLayer::NegativeSampling {
            negative
        } else {
            0
        },
        noise_power: f.get("power", 0.75)?,
        epochs: f.get("iter", 5)?,
        alpha: f.get("alpha", Config::default_alpha(architecture))?,
        min_count: f.get("min-count", 5)?,
        sample: f.get("sample", 1e-3)?,
        seed,
        threads: f.get("threads", 1)?,
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

fn train(f: &Flags) -> Result<(), String> {
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
    let chinese = match f.string("segment") {
        None => ChineseText::Spaces,
        Some(name) => ChineseText::from_name(name)
            .ok_or_else(|| format!("-segment: '{name}' is not one of words, characters, spaces"))?,
    };
    let tokenizer = TokenizerOptions {
        lowercase: f.switch("lowercase", false)?,
        strip_punctuation: f.switch("strip-punct", false)?,
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

fn load_vectors(f: &Flags) -> Result<KeyedVectors, String> {
    let path = f
        .positional
        .first()
        .ok_or("the first argument must be a vector file")?;
    formats::read(&read_file(path)?).map_err(|e| format!("'{path}': {e}"))
}

/// Words from the command line, or whitespace-separated groups of `n` from stdin lines.
fn queries(f: &Flags, n: usize, prompt: &str) -> Vec<Vec<String>> {
    let args = &f.positional[1..];
    if !args.is_empty() {
        return args.chunks(n).map(|c| c.to_vec()).collect();
    }
    eprintln!("{prompt} (one per line, empty line or EOF to quit)");
    std::io::stdin()
        .lock()
        .lines()
        .map_while(|l| l.ok())
        .take_while(|l| !l.trim().is_empty())
        .map(|l| l.split_whitespace().map(String::from).collect())
        .collect()
}

/// One answer per line (`word score`), or the query's error.
fn print_answers(answers: word2vec_lab::Result<Vec<Scored>>) {
    match answers {
        Ok(list) => list
            .iter()
            .for_each(|s| println!("  {:<20} {:.4}", s.word, s.score)),
        Err(e) => println!("  {e}"),
    }
}

fn nearest(f: &Flags) -> Result<(), String> {
    let kv = load_vectors(f)?;
    let k = f.get("k", 10)?;
    for q in queries(f, 1, "Enter a word") {
        println!("{}:", q.join(" "));
        print_answers(kv.nearest(&q[0], k));
    }
    Ok(())
}

fn analogy(f: &Flags) -> Result<(), String> {
    let kv = load_vectors(f)?;
    let k = f.get("k", 10)?;
    let method = match f.string("method").unwrap_or("add") {
        "add" => AnalogyMethod::CosAdd,
        "mul" => AnalogyMethod::CosMul,
        other => return Err(format!("-method: '{other}' must be add or mul")),
    };
    for q in queries(f, 3, "Enter three words A B C for A : B :: C : ?") {
        if q.len() != 3 {
            println!("{}: need three words", q.join(" "));
            continue;
        }
        println!("{} : {} :: {} : ?", q[0], q[1], q[2]);
        print_answers(kv.analogy(&q[0], &q[1], &q[2], k, method));
    }
    Ok(())
}

fn evaluate(f: &Flags) -> Result<(), String> {
    let kv = load_vectors(f)?;
    if !f.has("analogies") && !f.has("similarity") {
        return Err("give -analogies FILE and/or -similarity FILE".into());
    }
    if let Some(path) = f.string("analogies") {
        let text = String::from_utf8_lossy(&read_file(path)?).into_owned();
        let restrict = f.get("restrict", eval::DEFAULT_RESTRICT)?;
        let r = eval::analogies(&kv, &text, restrict).map_err(|e| format!("'{path}': {e}"))?;
        for s in r.sections.iter().chain(std::iter::once(&r.overall)) {
            println!(
                "analogy {:<28} accuracy {:.4} ({}/{})  coverage {:.4}",
                s.name,
                s.accuracy(),
                s.correct,
                s.covered,
                s.coverage()
            );
        }
    }
    if let Some(path) = f.string("similarity") {
        let text = String::from_utf8_lossy(&read_file(path)?).into_owned();
        let r = eval::similarity(&kv, &text).map_err(|e| format!("'{path}': {e}"))?;
        println!(
            "similarity spearman {:.4}  coverage {:.4} ({}/{})",
            r.spearman,
            r.covered as f64 / r.total.max(1) as f64,
            r.covered,
            r.total
        );
    }
    Ok(())
}

fn preset(f: &Flags) -> Result<(), String> {
    let name = f
        .positional
        .first()
        .ok_or("name a preset: tutorial, eat-drink, transformer, royal or zh-classics")?;
    let preset = Preset::from_name(name).map_err(|e| e.to_string())?;
    let seed = f.get("seed", presets::DEFAULT_SEED)?;
    let sentences = f.get("sentences", preset.default_size())?;
    let text = preset.generate(seed, sentences);
    std::io::stdout()
        .write_all(text.as_bytes())
        .map_err(|e| e.to_string())
}
