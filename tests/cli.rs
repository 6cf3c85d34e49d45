//! The `w2v` command line, run as a user runs it.

use std::path::PathBuf;
use std::process::{Command, Output};

fn w2v(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_w2v"))
        .args(args)
        .output()
        .expect("run w2v")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("w2v-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The top answer `w2v analogy` gives in `vectors` to man : king :: woman : ?, and its output.
fn top_of_royal_analogy(vectors: &std::path::Path) -> (String, String) {
    let (top3, out) = top3_of_royal_analogy(vectors);
    (top3[0].clone(), out)
}

/// The three best answers to man : king :: woman : ?, and the CLI's output.
fn top3_of_royal_analogy(vectors: &std::path::Path) -> (Vec<String>, String) {
    let o = w2v(&[
        "analogy",
        vectors.to_str().unwrap(),
        "man",
        "king",
        "woman",
        "-k",
        "3",
    ]);
    let out = stdout(&o);
    let words = out
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap_or_default().to_string())
        .chain(std::iter::repeat(String::new()))
        .take(3)
        .collect();
    (words, out)
}

#[test]
fn train_query_and_evaluate_the_royal_preset() {
    let dir = temp_dir("royal");
    let corpus = dir.join("royal.txt");
    let o = w2v(&["preset", "royal", "-sentences", "6000", "-seed", "7"]);
    assert!(o.status.success());
    std::fs::write(&corpus, &o.stdout).unwrap();

    for (binary, file) in [("0", "royal.txt.vec"), ("1", "royal.bin")] {
        let vectors = dir.join(file);
        let tsv = dir.join(format!("tsv{binary}"));
        let o = w2v(&[
            "train",
            "-train",
            corpus.to_str().unwrap(),
            "-output",
            vectors.to_str().unwrap(),
            "-cbow",
            "0",
            "-size",
            "30",
            "-window",
            "5",
            "-iter",
            "10",
            "-min-count",
            "1",
            "-sample",
            "0",
            "-seed",
            "3",
            "-binary",
            binary,
            "-tsv",
            tsv.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let log = stderr(&o);
        assert!(log.contains("Vocab size: 54"), "{log}");
        assert!(log.contains("words/sec"), "{log}");
        assert_eq!(
            std::fs::read_to_string(tsv.join("metadata.tsv"))
                .unwrap()
                .lines()
                .count(),
            54
        );

        let (top, out) = top_of_royal_analogy(&vectors);
        assert_eq!(top, "queen", "{out}");

        let o = w2v(&[
            "nearest",
            vectors.to_str().unwrap(),
            "king",
            "nosuchword",
            "-k",
            "2",
        ]);
        let out = stdout(&o);
        assert!(
            out.contains("'nosuchword' is not in the vocabulary"),
            "{out}"
        );

        let questions = dir.join("q.txt");
        std::fs::write(
            &questions,
            ": royal\nman king woman queen\nboy prince girl princess\nman king duchess duke\n",
        )
        .unwrap();
        let pairs = dir.join("pairs.tsv");
        std::fs::write(
            &pairs,
            "# w1 w2 score\nking queen 8\nking farm 1\nprince princess 7\nqueen village 2\n",
        )
        .unwrap();
        let o = w2v(&[
            "eval",
            vectors.to_str().unwrap(),
            "-analogies",
            questions.to_str().unwrap(),
            "-similarity",
            pairs.to_str().unwrap(),
        ]);
        let out = stdout(&o);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(out.contains("analogy total"), "{out}");
        assert!(out.contains("(2/2)  coverage 0.6667"), "{out}");
        assert!(out.contains("similarity spearman"), "{out}");
    }
}

#[test]
fn same_seed_same_file() {
    let dir = temp_dir("seed");
    let corpus = dir.join("c.txt");
    std::fs::write(
        &corpus,
        w2v(&["preset", "eat-drink", "-sentences", "500"]).stdout,
    )
    .unwrap();
    let train = |out: &str, seed: &str| {
        let o = w2v(&[
            "train",
            "-train",
            corpus.to_str().unwrap(),
            "-output",
            dir.join(out).to_str().unwrap(),
            "-size",
            "16",
            "-min-count",
            "1",
            "-seed",
            seed,
            "-binary",
            "1",
            "-quiet",
            "1",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        std::fs::read(dir.join(out)).unwrap()
    };
    assert_eq!(train("a.bin", "5"), train("b.bin", "5"));
    assert_ne!(train("a.bin", "5"), train("c.bin", "6"));
}

#[test]
fn bad_flags_and_files_give_clear_errors() {
    let dir = temp_dir("errors");
    let corpus = dir.join("c.txt");
    std::fs::write(&corpus, "a b c\n").unwrap();
    let c = corpus.to_str().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["train", "-train", c, "-output", "/dev/null", "-size", "abc"],
            "-size: 'abc' is not a valid whole number",
        ),
        (
            &["train", "-train", c, "-output", "/dev/null", "-sizes", "3"],
            "unknown flag '-sizes'",
        ),
        (
            &["train", "-train", c, "-output", "/dev/null", "-hs", "1"],
            "choose one output layer",
        ),
        (
            &["train", "-train", c, "-output", "/dev/null", "-window", "0"],
            "invalid window: 0 is outside the allowed range 1..=100",
        ),
        (
            &["train", "-train", c, "-output", "/dev/null"],
            "all 3 distinct words occur fewer than min_count = 5 times",
        ),
        (
            &["train", "-train", "/no/such/file", "-output", "/dev/null"],
            "cannot read '/no/such/file'",
        ),
        (&["train", "-output", "/dev/null"], "-train is required"),
        (
            &["nearest", c, "a"],
            "line 1: value 1 of 'a' is not a number: 'b'",
        ),
        (&["nearest", "/dev/null", "a"], "line 1: the file is empty"),
        (&["frobnicate"], "unknown command 'frobnicate'"),
    ];
    for (args, expected) in cases {
        let o = w2v(args);
        assert!(!o.status.success(), "{args:?} should fail");
        let err = stderr(&o);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    // Softmax on a vocabulary above its limit suggests the alternatives.
    let big: String = (0..6000).map(|i| format!("w{i} ")).collect();
    std::fs::write(&corpus, big).unwrap();
    let o = w2v(&[
        "train",
        "-train",
        c,
        "-output",
        "/dev/null",
        "-min-count",
        "1",
        "-softmax",
        "1",
        "-negative",
        "0",
    ]);
    assert!(
        stderr(&o).contains("Use negative sampling or hierarchical softmax"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn help_documents_every_flag() {
    let o = w2v(&["train", "--help"]);
    let text = stdout(&o);
    for flag in [
        "-train",
        "-output",
        "-cbow",
        "-size",
        "-window",
        "-negative",
        "-hs",
        "-sample",
        "-threads",
        "-iter",
        "-min-count",
        "-alpha",
        "-binary",
        "-seed",
        "-softmax",
    ] {
        assert!(
            text.contains(&format!("  {flag} ")),
            "{flag} missing from help:\n{text}"
        );
    }
    assert!(stdout(&w2v(&["--help"])).contains("w2v eval"));
}

/// The defaults the help states are the ones training uses: word2vec.c's, as the core's
/// `Config::default()` has them (the CLI writes none of its own).
#[test]
fn help_states_the_cores_defaults() {
    let text = stdout(&w2v(&["train", "--help"]));
    let d = word2vec_lab::Config::default();
    let cbow = word2vec_lab::Config::default_alpha(word2vec_lab::Architecture::Cbow);
    let skip_gram = word2vec_lab::Config::default_alpha(word2vec_lab::Architecture::SkipGram);
    for (flag, value) in [
        ("-size", d.dim.to_string()),
        ("-window", d.window.to_string()),
        ("-negative", d.negative.to_string()),
        ("-sample", d.sample.to_string()),
        ("-threads", d.threads.to_string()),
        ("-iter", d.epochs.to_string()),
        ("-min-count", d.min_count.to_string()),
        ("-power", d.noise_power.to_string()),
        ("-alpha", format!("{cbow} CBOW, {skip_gram} skip-gram")),
    ] {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{flag} ")))
            .unwrap_or_else(|| panic!("{flag} missing from help:\n{text}"));
        assert!(line.ends_with(&format!("(default {value})")), "{line}");
    }
}

#[test]
fn chinese_as_it_is_written_is_cut_into_words() {
    let dir = temp_dir("segment");
    let corpus = dir.join("zh.txt");
    std::fs::write(&corpus, "深度学习改变了世界\n我每天喜欢喝咖啡\n".repeat(20)).unwrap();
    let words = dir.join("words.txt");
    std::fs::write(&words, "咖啡\n").unwrap();
    let vocab = |extra: &[&str]| {
        let out = dir.join("vocab.txt");
        let mut args = vec!["train", "-train", corpus.to_str().unwrap(), "-output"];
        let vectors = dir.join("v.vec");
        args.push(vectors.to_str().unwrap());
        args.extend([
            "-size",
            "5",
            "-iter",
            "1",
            "-min-count",
            "1",
            "-seed",
            "1",
            "-quiet",
            "1",
        ]);
        args.extend(["-save-vocab", out.to_str().unwrap()]);
        args.extend(extra);
        let o = w2v(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        let text = std::fs::read_to_string(&out).unwrap();
        text.lines()
            .map(|l| l.split(' ').next().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let cut = vocab(&["-segment", "words"]);
    for w in ["深度", "学习", "改变", "了", "世界", "喝咖啡"] {
        assert!(cut.contains(&w.to_string()), "{w} in {cut:?}");
    }
    let user = vocab(&["-segment", "words", "-user-words", words.to_str().unwrap()]);
    assert!(
        user.contains(&"咖啡".to_string()) && user.contains(&"喝".to_string()),
        "{user:?}"
    );
    assert!(vocab(&["-segment", "characters"]).contains(&"深".to_string()));
    assert!(vocab(&[]).contains(&"深度学习改变了世界".to_string()));
    let o = w2v(&[
        "train",
        "-train",
        corpus.to_str().unwrap(),
        "-output",
        "x",
        "-segment",
        "jieba",
    ]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("-segment: 'jieba' is not one of words, characters, spaces"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn ppmi_glove_and_fasttext_vectors_answer_the_royal_analogy() {
    let dir = temp_dir("ppmi");
    let corpus = dir.join("royal.txt");
    let o = w2v(&["preset", "royal", "-sentences", "6000", "-seed", "7"]);
    std::fs::write(&corpus, &o.stdout).unwrap();
    let vectors = dir.join("ppmi.vec");
    let train = |model: &str| {
        w2v(&[
            "train",
            "-train",
            corpus.to_str().unwrap(),
            "-output",
            vectors.to_str().unwrap(),
            "-model",
            model,
            "-size",
            "30",
            "-window",
            "5",
            "-min-count",
            "1",
        ])
    };
    let o = train("ppmi");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("PPMI + SVD vectors"), "{}", stderr(&o));
    let (top, out) = top_of_royal_analogy(&vectors);
    assert_eq!(top, "queen", "{out}");
    let o = train("glove2");
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("-model: 'glove2' is not word2vec, fasttext, glove or ppmi"),
        "{}",
        stderr(&o)
    );
    let o = train("glove");
    assert!(o.status.success(), "{}", stderr(&o));
    let log = stderr(&o);
    let costs: Vec<f64> = log
        .lines()
        .filter_map(|l| l.split("cost ").nth(1)?.parse().ok())
        .collect();
    assert_eq!(costs.len(), 25, "{log}");
    assert!(costs[24] < costs[0] / 2.0, "{log}");
    // The bar of the count models' issue for GloVe on this small corpus: queen among the top 3
    // (GloVe fits 54 words' counts; she, as close to woman, can come first).
    let (top3, out) = top3_of_royal_analogy(&vectors);
    assert!(top3.iter().any(|w| w == "queen"), "{out}");
    // fastText's subwords train with word2vec's flags and keep its answer.
    let o = train("fasttext");
    assert!(o.status.success(), "{}", stderr(&o));
    let (top, out) = top_of_royal_analogy(&vectors);
    assert_eq!(top, "queen", "{out}");
    // A word it never saw, from the n-gram rows saved beside the vectors.
    let ngrams = format!("{}.ngrams", vectors.to_str().unwrap());
    assert!(std::fs::read(&ngrams)
        .unwrap()
        .starts_with(b"w2v-ngrams 3 6 200000 30\n"));
    let o = w2v(&["nearest", vectors.to_str().unwrap(), "kingly", "-k", "3"]);
    let out = stdout(&o);
    assert!(
        out.contains("built from its n-grams <ki <kin <king"),
        "{out}"
    );
    let near: Vec<&str> = out
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(near.contains(&"king"), "{out}");
    std::fs::remove_file(&ngrams).unwrap();
    let o = w2v(&["nearest", vectors.to_str().unwrap(), "kingly"]);
    assert!(stdout(&o).contains("kingly"), "{}", stdout(&o));
    assert!(
        !stdout(&o).contains("n-grams"),
        "without the rows there is no vector"
    );
    let mut flags = vec!["-minn", "7", "-maxn", "3"];
    flags.extend([
        "-train",
        corpus.to_str().unwrap(),
        "-output",
        vectors.to_str().unwrap(),
    ]);
    let o = w2v(&[&["train", "-model", "fasttext"][..], &flags].concat());
    assert!(!o.status.success());
    assert!(stderr(&o).contains("minn"), "{}", stderr(&o));
}
