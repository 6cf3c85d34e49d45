#!/usr/bin/env python3
"""fastText subwords against the reference: our `w2v train -model fasttext` and fastText 0.9.3
(PyPI `fasttext`, the native library) on the same corpus with the same hyperparameters, both
scored by the same `w2v eval` (WordSim-353 Spearman, the Google analogies), with our word2vec
without subwords beside them.

The settings are fastText's skip-gram defaults, given to both: dim 100, window 5, 5 epochs,
min count 5, 5 negatives, learning rate 0.05, subsampling 1e-4, n-grams 3..6, 2,000,000 buckets;
fastText draws its noise words ∝ count^0.5, so ours gets `-power 0.5`. What still differs: fastText
also reads the end of each line as a word (`</s>`), and the random draws are each tool's own.
Each tool writes every vocabulary word's vector (for fastText, `get_word_vector`: the mean of the
word's row and its n-grams' rows, as ours).

Several threads make every run differ (Hogwild in both tools), so each model is trained RUNS
times (ours with seeds 1..RUNS) and the mean is printed beside each run's scores.

Usage: W2V=target/release/w2v python benches/fasttext_reference.py CORPUS [THREADS=2] [RUNS=3]
(run it with a Python that has fasttext and gensim installed: gensim only for its test data.)
"""
import os
import subprocess
import sys
import tempfile
import time

import fasttext
import gensim

DATA = os.path.join(os.path.dirname(gensim.__file__), "test", "test_data")
W2V = os.environ.get("W2V", "target/release/w2v")
SETTINGS = dict(dim=100, ws=5, epoch=5, minCount=5, neg=5, lr=0.05, t=1e-4, minn=3, maxn=6, bucket=2_000_000)


def score(path):
    """(analogy accuracy, WordSim-353 Spearman) by `w2v eval`."""
    out = subprocess.run([W2V, "eval", path, "-analogies", os.path.join(DATA, "questions-words.txt"),
                          "-similarity", os.path.join(DATA, "wordsim353.tsv")], capture_output=True, text=True, check=True).stdout
    analogy = next(l for l in out.splitlines() if l.startswith("analogy total")).split()[3]
    similarity = next(l for l in out.splitlines() if l.startswith("similarity")).split()[2]
    return float(analogy), float(similarity)


def ours(corpus, out, threads, subwords, seed):
    s = SETTINGS
    flags = ["-cbow", "0", "-size", str(s["dim"]), "-window", str(s["ws"]), "-iter", str(s["epoch"]),
             "-min-count", str(s["minCount"]), "-negative", str(s["neg"]), "-alpha", str(s["lr"]),
             "-sample", str(s["t"]), "-power", "0.5", "-threads", str(threads), "-seed", str(seed), "-quiet", "1"]
    if subwords:
        flags += ["-model", "fasttext", "-minn", str(s["minn"]), "-maxn", str(s["maxn"]), "-bucket", str(s["bucket"])]
    subprocess.run([W2V, "train", "-train", corpus, "-output", out, *flags], check=True)


def fasttext_run(corpus, out, threads):
    model = fasttext.train_unsupervised(corpus, model="skipgram", thread=threads, verbose=0, **SETTINGS)
    words = [w for w in model.words if w != "</s>"]
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"{len(words)} {model.get_dimension()}\n")
        for w in words:
            f.write(w + " " + " ".join(f"{x:.6f}" for x in model.get_word_vector(w)) + "\n")


def main():
    corpus = sys.argv[1]
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    tmp = tempfile.mkdtemp()
    print(f"corpus {corpus}, {threads} threads, skip-gram: {SETTINGS}")
    tools = [
        ("ours, -model fasttext", lambda out, run: ours(corpus, out, threads, True, run)),
        ("fastText 0.9.3", lambda out, run: fasttext_run(corpus, out, threads)),
        ("ours, word2vec", lambda out, run: ours(corpus, out, threads, False, run)),
    ]
    for name, train in tools:
        results = []
        for run in range(1, runs + 1):
            path = os.path.join(tmp, f"{len(results)}-{run}.vec")
            t = time.time()
            train(path, run)
            seconds = time.time() - t
            results.append((seconds, *score(path)))
            print(f"  {name} run {run}: {seconds:.1f} s, analogy {results[-1][1]:.4f}, WS353 {results[-1][2]:.4f}")
        mean = [sum(r[i] for r in results) / runs for i in range(3)]
        print(f"{name}: mean of {runs}: {mean[0]:.1f} s, analogy {mean[1]:.4f}, WS353 {mean[2]:.4f}", flush=True)


if __name__ == "__main__":
    main()
