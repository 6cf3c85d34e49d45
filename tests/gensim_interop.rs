//! gensim reads what we write and we read what gensim writes, with the same neighbours.
//!
//! Needs a Python with gensim: `W2V_PYTHON=/path/to/python` (`.ci/run` makes one in a venv).
//! Without it the test says so and fails under CI (`CI` set); on a developer machine it prints a
//! notice and passes, since gensim is a comparison tool, not a dependency.

use std::path::Path;
use std::process::Command;

use word2vec_lab::presets::royal;
use word2vec_lab::{formats, Config, Corpus, KeyedVectors, Trainer, VectorSource};

const SCRIPT: &str = r#"
import sys
from gensim.models import KeyedVectors
d = sys.argv[1]
text = KeyedVectors.load_word2vec_format(d + "/ours.txt", binary=False)
binary = KeyedVectors.load_word2vec_format(d + "/ours.bin", binary=True)
assert text.index_to_key == binary.index_to_key, "word order differs"
assert abs(text.vectors - binary.vectors).max() < 1e-6, "text and binary vectors differ"
print("NEAREST", " ".join(w for w, _ in binary.most_similar("king", topn=5)))
binary.save_word2vec_format(d + "/gensim.bin", binary=True)
binary.save_word2vec_format(d + "/gensim.txt", binary=False)
"#;

fn top5_of_king(kv: &KeyedVectors) -> Vec<String> {
    kv.nearest("king", 5)
        .unwrap()
        .into_iter()
        .map(|s| s.word)
        .collect()
}

#[test]
fn gensim_loads_our_files_and_we_load_its_files() {
    let Some(python) = std::env::var_os("W2V_PYTHON") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must set W2V_PYTHON (see .ci/run)"
        );
        eprintln!("W2V_PYTHON is not set: gensim interop not checked on this machine");
        return;
    };
    let dir = std::env::temp_dir().join(format!("w2v-gensim-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = Config {
        dim: 24,
        min_count: 1,
        sample: 0.0,
        epochs: 5,
        seed: Some(1),
        ..Config::default()
    };
    let corpus = Corpus::from_text(&royal(2, 3000), Default::default(), 1).unwrap();
    let mut trainer = Trainer::new(corpus, &config).unwrap();
    trainer.train(u64::MAX).unwrap();
    let ours = KeyedVectors::from_model(trainer.model(), VectorSource::Input).unwrap();
    let write = |name: &str, binary: bool| {
        let mut f = std::fs::File::create(dir.join(name)).unwrap();
        if binary {
            formats::write_binary(&mut f, &ours).unwrap();
        } else {
            formats::write_text(&mut f, &ours).unwrap();
        }
    };
    write("ours.txt", false);
    write("ours.bin", true);

    let out = Command::new(python)
        .args(["-c", SCRIPT, dir.to_str().unwrap()])
        .output()
        .expect("run python");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}{}",
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    let gensim_nearest: Vec<&str> = stdout
        .lines()
        .find_map(|l| l.strip_prefix("NEAREST "))
        .unwrap()
        .split(' ')
        .collect();
    assert_eq!(top5_of_king(&ours), gensim_nearest);

    for name in ["gensim.bin", "gensim.txt"] {
        let theirs = formats::read(&std::fs::read(Path::new(&dir).join(name)).unwrap()).unwrap();
        assert_eq!(theirs.words(), ours.words(), "{name}");
        let max_diff = theirs
            .vectors()
            .iter()
            .zip(ours.vectors())
            .map(|(a, b)| (a - b).abs())
            .fold(0.0f32, f32::max);
        assert!(max_diff < 1e-6, "{name}: vectors differ by {max_diff}");
        assert_eq!(top5_of_king(&theirs), gensim_nearest, "{name}");
    }
}
