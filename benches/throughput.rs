//! Training throughput, ours against the reference tools, in one run so the ratios mean something.
//!
//! `cargo bench --bench throughput` generates a Zipf-distributed corpus of a few million tokens
//! (or uses `W2V_BENCH_CORPUS=file`), then trains every mode with the native `w2v` CLI on one
//! thread, and, when they are installed, Google's word2vec C tool (`word2vec` on PATH or
//! `WORD2VEC_BIN`, e.g. from the PyPI `word2vec` package) and gensim (`W2V_PYTHON`, a Python with
//! gensim) with the same flags. It prints words per second for each; `w2v` also with 2 threads.
//!
//! Settings: `W2V_BENCH_ITER` (epochs, default 1), `W2V_BENCH_TOKENS` (generated corpus size,
//! default 3,000,000), `W2V_BENCH_MODES` (comma-separated subset of the mode names below),
//! `W2V_BENCH_REPEAT` (runs per tool and mode, best kept; default 2: a shared machine's speed
//! drifts, and the tools are run in turn so the drift hits all of them alike).
//! Full softmax costs O(|V|) per prediction, so its modes train on the first 2% of the corpus with
//! the 2,000 most frequent words.
//! This is a benchmark, not a test: it asserts nothing and prints numbers.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use word2vec_lab::rng::Rng;

struct Mode {
    name: &'static str,
    flags: &'static str,
    /// word2vec.c and gensim have no full softmax.
    reference: bool,
}

const MODES: &[Mode] = &[
    Mode {
        name: "sg-ns",
        flags: "-cbow 0 -negative 5 -hs 0",
        reference: true,
    },
    Mode {
        name: "cbow-ns",
        flags: "-cbow 1 -negative 5 -hs 0",
        reference: true,
    },
    Mode {
        name: "sg-hs",
        flags: "-cbow 0 -negative 0 -hs 1",
        reference: true,
    },
    Mode {
        name: "cbow-hs",
        flags: "-cbow 1 -negative 0 -hs 1",
        reference: true,
    },
    // Full softmax scores every word: only on the 2,000 most frequent words (min-count cut).
    Mode {
        name: "sg-softmax",
        flags: "-cbow 0 -negative 0 -softmax 1",
        reference: false,
    },
    Mode {
        name: "cbow-softmax",
        flags: "-cbow 1 -negative 0 -softmax 1",
        reference: false,
    },
];

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Zipf-distributed text: 50,000 word types, sentences of 5–30 tokens, with topic words so the
/// co-occurrence structure is not uniform noise.
fn generate_corpus(path: &Path, tokens: usize) {
    let vocab = 50_000usize;
    let cumulative: Vec<f64> = (1..=vocab)
        .scan(0.0, |acc, r| {
            *acc += 1.0 / r as f64;
            Some(*acc)
        })
        .collect();
    let total = *cumulative.last().unwrap();
    let mut rng = Rng::new(2013);
    let mut out = String::with_capacity(tokens * 7);
    let mut written = 0;
    while written < tokens {
        let len = 5 + rng.below(26) as usize;
        let topic = rng.below(100) as usize;
        for i in 0..len {
            let id = if rng.below(4) == 0 {
                // A topic word: one of 200 words tied to this sentence's topic.
                1000 + topic * 200 + rng.below(200) as usize
            } else {
                let u = rng.unit_f32() as f64 * total;
                cumulative.partition_point(|&c| c < u).min(vocab - 1)
            };
            if i > 0 {
                out.push(' ');
            }
            out.push_str(&format!("w{id}"));
        }
        out.push('\n');
        written += len;
    }
    std::fs::write(path, out).expect("write the benchmark corpus");
}

fn run(mut cmd: Command) -> Option<(String, f64)> {
    let start = Instant::now();
    let output = cmd.output().ok()?;
    let seconds = start.elapsed().as_secs_f64();
    if !output.status.success() {
        eprintln!("  failed: {}", String::from_utf8_lossy(&output.stderr));
        return None;
    }
    let mut text = String::from_utf8_lossy(&output.stderr).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stdout));
    Some((text, seconds))
}

/// Our CLI prints "Trained N words in S s: R words/sec".
fn ours(corpus: &Path, mode: &Mode, common: &str, threads: usize) -> Option<f64> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_w2v"));
    cmd.arg("train")
        .args(["-train", corpus.to_str()?, "-output", "/dev/null"]);
    cmd.args(common.split_whitespace())
        .args(mode.flags.split_whitespace());
    cmd.args(["-threads", &threads.to_string(), "-seed", "1"]);
    let (text, _) = run(cmd)?;
    let line = text.lines().find(|l| l.starts_with("Trained"))?;
    line.split(": ")
        .nth(1)?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// word2vec.c prints "Words/thread/sec: 123.45k" with carriage returns; take the last one.
fn word2vec_c(bin: &Path, corpus: &Path, mode: &Mode, common: &str) -> Option<f64> {
    let mut cmd = Command::new(bin);
    cmd.args([
        "-train",
        corpus.to_str()?,
        "-output",
        "/dev/null",
        "-threads",
        "1",
        "-debug",
        "2",
    ]);
    cmd.args(common.split_whitespace())
        .args(mode.flags.split_whitespace());
    let (text, _) = run(cmd)?;
    let last = text.rsplit("Words/thread/sec:").next()?;
    let k: f64 = last.trim_start().split('k').next()?.trim().parse().ok()?;
    Some(k * 1000.0)
}

/// The gensim side, shared with `benches/wasm_vs_native.mjs`.
const GENSIM: &str = include_str!("gensim_rate.py");

fn gensim(
    python: &str,
    corpus: &Path,
    mode: &Mode,
    size: usize,
    window: usize,
    it: usize,
) -> Option<f64> {
    let flag = |name: &str| -> String {
        let words: Vec<&str> = mode.flags.split_whitespace().collect();
        let i = words.iter().position(|w| *w == name).unwrap();
        words[i + 1].to_string()
    };
    let sg = if flag("-cbow") == "1" { "0" } else { "1" };
    let alpha = if sg == "1" { "0.025" } else { "0.05" };
    let mut cmd = Command::new(python);
    cmd.args([
        "-c",
        GENSIM,
        corpus.to_str()?,
        sg,
        &flag("-hs"),
        &flag("-negative"),
    ]);
    cmd.args([
        size.to_string(),
        window.to_string(),
        "1e-3".into(),
        it.to_string(),
        "5".into(),
        alpha.into(),
    ]);
    let (text, _) = run(cmd)?;
    text.lines()
        .find_map(|l| l.strip_prefix("RATE ")?.trim().parse().ok())
}

fn find_word2vec() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("WORD2VEC_BIN") {
        return Some(PathBuf::from(p));
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join("word2vec"))
            .find(|p| p.is_file())
    })
}

fn main() {
    let iter: usize = env_or("W2V_BENCH_ITER", 1);
    let (size, window) = (100, 5);
    let corpus = match std::env::var("W2V_BENCH_CORPUS") {
        Ok(p) => PathBuf::from(p),
        Err(_) => {
            let tokens: usize = env_or("W2V_BENCH_TOKENS", 3_000_000);
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
            std::fs::create_dir_all(&dir).unwrap();
            let path = dir.join(format!("zipf-{tokens}.txt"));
            if !path.exists() {
                eprintln!("generating {}", path.display());
                generate_corpus(&path, tokens);
            }
            path
        }
    };
    let wanted: Option<Vec<String>> = std::env::var("W2V_BENCH_MODES")
        .ok()
        .map(|s| s.split(',').map(String::from).collect());
    let common =
        format!("-size {size} -window {window} -sample 1e-3 -iter {iter} -min-count 5 -binary 1");
    let c_tool = find_word2vec();
    let python = std::env::var("W2V_PYTHON").ok();
    println!(
        "corpus: {} ({} bytes), {iter} epoch(s), size {size}, window {window}",
        corpus.display(),
        std::fs::metadata(&corpus).map(|m| m.len()).unwrap_or(0)
    );
    println!(
        "word2vec.c: {}",
        c_tool
            .as_ref()
            .map_or("not found".into(), |p| p.display().to_string())
    );
    println!(
        "gensim: {}",
        python
            .as_deref()
            .unwrap_or("not configured (set W2V_PYTHON)")
    );
    println!();
    println!(
        "{:<13} {:>14} {:>14} {:>14} {:>14} {:>8} {:>8}",
        "mode", "w2v 1 thread", "w2v 2 threads", "word2vec.c", "gensim", "vs C", "vs gensim"
    );
    let fmt = |x: Option<f64>| x.map_or("—".to_string(), |v| format!("{:.0}k", v / 1000.0));
    let repeat: usize = env_or("W2V_BENCH_REPEAT", 2);
    let slice = softmax_slice(&corpus);
    for mode in MODES {
        if wanted
            .as_ref()
            .is_some_and(|w| !w.iter().any(|n| n == mode.name))
        {
            continue;
        }
        let (file, common) = if mode.reference {
            (corpus.as_path(), common.clone())
        } else {
            (
                slice.as_path(),
                common.replace(
                    "-min-count 5",
                    &format!("-min-count {}", softmax_min_count(&slice)),
                ),
            )
        };
        let (mut one, mut two, mut c, mut g) = (None, None, None, None);
        for _ in 0..repeat {
            // Keep the best of the runs.
            let keep = |best: &mut Option<f64>, x: Option<f64>| {
                *best = match (*best, x) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    (a, b) => a.or(b),
                }
            };
            keep(&mut one, ours(file, mode, &common, 1));
            keep(&mut two, ours(file, mode, &common, 2));
            if mode.reference {
                keep(
                    &mut c,
                    c_tool
                        .as_ref()
                        .and_then(|b| word2vec_c(b, file, mode, &common)),
                );
                keep(
                    &mut g,
                    python
                        .as_deref()
                        .and_then(|p| gensim(p, file, mode, size, window, iter)),
                );
            }
        }
        let ratio = |other: Option<f64>| match (one, other) {
            (Some(a), Some(b)) => format!("{:.2}×", a / b),
            _ => "—".into(),
        };
        println!(
            "{:<13} {:>14} {:>14} {:>14} {:>14} {:>8} {:>8}",
            mode.name,
            fmt(one),
            fmt(two),
            fmt(c),
            fmt(g),
            ratio(c),
            ratio(g)
        );
    }
}

/// The first 2% of the corpus (at least 20,000 lines' worth), for the full-softmax modes.
fn softmax_slice(corpus: &Path) -> PathBuf {
    let text = std::fs::read_to_string(corpus).unwrap_or_default();
    let keep = (text.len() / 50).max(1);
    let end = text[..keep.min(text.len())]
        .rfind('\n')
        .map_or(text.len(), |i| i + 1);
    let path = corpus.with_extension("softmax-slice.txt");
    std::fs::write(&path, &text[..end]).expect("write the softmax slice");
    path
}

/// The smallest min-count that leaves at most 2,000 words in `file`.
fn softmax_min_count(file: &Path) -> u64 {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    let mut counts = std::collections::HashMap::<&str, u64>::new();
    for w in text.split_whitespace() {
        *counts.entry(w).or_default() += 1;
    }
    let mut sorted: Vec<u64> = counts.into_values().collect();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    sorted.get(2000).map_or(1, |&c| c + 1).max(5)
}
