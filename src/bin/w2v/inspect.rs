//! `w2v nearest`, `w2v analogy` and `w2v eval`: queries and scores of any word2vec-format file
//! (text or binary, GloVe, fastText `.vec`), words from the command line or from stdin. Beside a
//! subword model's vectors (`w2v train -model fasttext`) lies `VECTORS.ngrams`: with it a word the
//! file does not have is built from its n-grams, and the answer says so.

use std::borrow::Cow;
use std::io::BufRead;

use word2vec_lab::ngrams::NgramRows;
use word2vec_lab::query::{AnalogyMethod, Scored};
use word2vec_lab::{eval, formats, KeyedVectors};

use crate::flags::{FlagSpec, Flags, Shown};
use crate::read_file;
/// Answers a query prints unless `-k` says otherwise.
const ANSWERS: usize = 10;

pub const QUERY_FLAGS: &[FlagSpec] = &[
    FlagSpec {
        name: "k",
        value: Cow::Borrowed("N"),
        default: Shown::Of(|| ANSWERS.to_string()),
        help: Cow::Borrowed("how many answers"),
    },
    FlagSpec {
        name: "method",
        value: Cow::Borrowed("add|mul"),
        default: Shown::Text("add"),
        help: Cow::Borrowed("analogy scoring: 3CosAdd or 3CosMul"),
    },
];

pub const EVAL_FLAGS: &[FlagSpec] = &[
    FlagSpec {
        name: "analogies",
        value: Cow::Borrowed("FILE"),
        default: Shown::Nothing,
        help: Cow::Borrowed("analogy questions (': section' lines, then 'a b c d')"),
    },
    FlagSpec {
        name: "similarity",
        value: Cow::Borrowed("FILE"),
        default: Shown::Nothing,
        help: Cow::Borrowed("word pairs with human scores ('w1 w2 score' per line)"),
    },
    FlagSpec {
        name: "restrict",
        value: Cow::Borrowed("N"),
        default: Shown::Of(|| eval::DEFAULT_RESTRICT.to_string()),
        help: Cow::Borrowed("analogy answers are searched among the N most frequent words"),
    },
];

fn load_vectors(f: &Flags) -> Result<KeyedVectors, String> {
    let path = f
        .positional
        .first()
        .ok_or("the first argument must be a vector file")?;
    formats::read(&read_file(path)?).map_err(|e| format!("'{path}': {e}"))
}

/// The n-gram rows beside the vector file, if there are any.
fn load_ngrams(f: &Flags) -> Result<Option<NgramRows>, String> {
    let path = format!("{}.ngrams", f.positional[0]);
    if !std::path::Path::new(&path).exists() {
        return Ok(None);
    }
    NgramRows::read(&read_file(&path)?)
        .map(Some)
        .map_err(|e| format!("'{path}': {e}"))
}

/// A word's vector: its row of the file, or (not in the file) built from its n-grams, said on a
/// line of its own. Also its id, to leave it out of the answers.
fn vector_of(
    kv: &KeyedVectors,
    ngrams: Option<&NgramRows>,
    word: &str,
) -> word2vec_lab::Result<(Vec<f32>, Option<u32>)> {
    match (kv.id(word), ngrams) {
        (Ok(id), _) => Ok((kv.vector(id).to_vec(), Some(id))),
        (Err(e), Some(n)) => {
            let Some(v) = n.vector(word) else {
                return Err(e);
            };
            let grams: Vec<String> = n.ngrams_of(word).into_iter().map(|(g, _)| g).collect();
            println!(
                "  ({word} is not in the vocabulary: built from its n-grams {})",
                grams.join(" ")
            );
            Ok((v, None))
        }
        (Err(e), None) => Err(e),
    }
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

pub fn nearest(f: &Flags) -> Result<(), String> {
    let kv = load_vectors(f)?;
    let ngrams = load_ngrams(f)?;
    let k = f.get("k", ANSWERS)?;
    for q in queries(f, 1, "Enter a word") {
        println!("{}:", q.join(" "));
        let answers = if kv.id(&q[0]).is_ok() || ngrams.is_none() {
            kv.nearest(&q[0], k)
        } else {
            vector_of(&kv, ngrams.as_ref(), &q[0]).map(|(v, _)| kv.nearest_to_vector(&v, k, &[]))
        };
        print_answers(answers);
    }
    Ok(())
}

pub fn analogy(f: &Flags) -> Result<(), String> {
    let kv = load_vectors(f)?;
    let ngrams = load_ngrams(f)?;
    let k = f.get("k", ANSWERS)?;
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
        let all_known = q.iter().all(|w| kv.id(w).is_ok());
        if all_known || ngrams.is_none() {
            print_answers(kv.analogy(&q[0], &q[1], &q[2], k, method));
            continue;
        }
        let built: word2vec_lab::Result<Vec<_>> = q
            .iter()
            .map(|w| vector_of(&kv, ngrams.as_ref(), w))
            .collect();
        print_answers(built.map(|v| {
            let exclude: Vec<u32> = v.iter().filter_map(|(_, id)| *id).collect();
            kv.analogy_of_vectors([&v[0].0, &v[1].0, &v[2].0], &exclude, k, method)
        }));
    }
    Ok(())
}

pub fn evaluate(f: &Flags) -> Result<(), String> {
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
