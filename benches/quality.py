#!/usr/bin/env python3
"""Quality against gensim: same corpus, same hyperparameters, same evaluation.

For each mode, trains our native CLI (`w2v train`) and gensim's Word2Vec with identical settings,
then scores both vector sets twice:
  - with our `w2v eval` (analogy accuracy, similarity Spearman), and
  - with gensim's own evaluate_word_analogies / evaluate_word_pairs on the files we wrote,
so the comparison also checks that gensim loads our files and that our evaluation agrees with its.
The evaluation sets (questions-words.txt, wordsim353.tsv, simlex999.txt) are the ones gensim ships
in gensim/test/test_data.

Usage: W2V=target/release/w2v python quality.py CORPUS [EPOCHS] [THREADS] [MODES] [SEEDS]
(run it with a Python that has gensim installed; MODES like sg-ns,cbow-ns,sg-hs,cbow-hs; SEEDS like
1,2,3: every seed is trained and the mean is printed too, since one seed's score varies by about
±0.01).
"""
import os
import re
import subprocess
import sys
import time

import gensim
from gensim.models import KeyedVectors, Word2Vec
from gensim.models.word2vec import LineSentence

DATA = os.path.join(os.path.dirname(gensim.__file__), "test", "test_data")
ANALOGIES = os.path.join(DATA, "questions-words.txt")
PAIRS = {"wordsim353": os.path.join(DATA, "wordsim353.tsv"), "simlex999": os.path.join(DATA, "simlex999.txt")}
MODES = {
    "sg-ns": dict(sg=1, hs=0, negative=5),
    "cbow-ns": dict(sg=0, hs=0, negative=5),
    "sg-hs": dict(sg=1, hs=1, negative=0),
    "cbow-hs": dict(sg=0, hs=1, negative=0),
}


def train_ours(w2v, corpus, out, mode, epochs, threads, seed):
    m = MODES[mode]
    alpha = 0.025 if m["sg"] else 0.05
    cmd = [w2v, "train", "-train", corpus, "-output", out, "-binary", "1", "-cbow", str(1 - m["sg"]),
           "-hs", str(m["hs"]), "-negative", str(m["negative"]), "-size", "100", "-window", "5",
           "-sample", "1e-3", "-min-count", "5", "-iter", str(epochs), "-alpha", str(alpha),
           "-threads", str(threads), "-seed", str(seed), "-quiet", "1"]
    start = time.perf_counter()
    subprocess.run(cmd, check=True)
    return time.perf_counter() - start


def train_gensim(corpus, out, mode, epochs, threads, seed):
    m = MODES[mode]
    alpha = 0.025 if m["sg"] else 0.05
    start = time.perf_counter()
    model = Word2Vec(LineSentence(corpus), vector_size=100, window=5, sample=1e-3, min_count=5,
                     epochs=epochs, alpha=alpha, workers=threads, seed=seed, **m)
    seconds = time.perf_counter() - start
    model.wv.save_word2vec_format(out, binary=True)
    return seconds


def our_eval(w2v, vectors):
    args = [w2v, "eval", vectors, "-analogies", ANALOGIES]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    total = re.search(r"analogy total\s+accuracy ([0-9.]+) \((\d+)/(\d+)\)\s+coverage ([0-9.]+)", out)
    scores = {"analogy": float(total.group(1)), "coverage": float(total.group(4))}
    for name, path in PAIRS.items():
        out = subprocess.run([w2v, "eval", vectors, "-similarity", path], check=True,
                             capture_output=True, text=True).stdout
        scores[name] = float(re.search(r"spearman ([-0-9.]+)", out).group(1))
    return scores


def gensim_eval(vectors):
    kv = KeyedVectors.load_word2vec_format(vectors, binary=True)
    acc, _ = kv.evaluate_word_analogies(ANALOGIES, restrict_vocab=30000)
    scores = {"analogy": acc}
    for name, path in PAIRS.items():
        _, spearman, _ = kv.evaluate_word_pairs(path, restrict_vocab=10**9)
        scores[name] = spearman[0]
    return scores


def main():
    corpus = sys.argv[1]
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    modes = sys.argv[4].split(",") if len(sys.argv) > 4 else list(MODES)
    seeds = [int(x) for x in sys.argv[5].split(",")] if len(sys.argv) > 5 else [1]
    w2v = os.environ.get("W2V", "target/release/w2v")
    tmp = os.environ.get("TMPDIR", "/tmp")
    print(f"corpus {corpus}, {epochs} epochs, {threads} threads, size 100, window 5, sample 1e-3, "
          f"min-count 5, seeds {seeds}")
    print(f"{'mode':<8} {'tool':<7} {'seed':>4} {'secs':>6} {'analogy':>8} {'cover':>6} {'ws353':>7} "
          f"{'simlex':>7} | gensim's eval: {'analogy':>8} {'ws353':>7} {'simlex':>7}")
    keys = ("analogy", "wordsim353", "simlex999")
    for mode in modes:
        for tool in ("w2v", "gensim"):
            runs = []
            for seed in seeds:
                path = os.path.join(tmp, f"quality-{mode}-{tool}-{seed}.bin")
                secs = (train_ours(w2v, corpus, path, mode, epochs, threads, seed) if tool == "w2v"
                        else train_gensim(corpus, path, mode, epochs, threads, seed))
                ours = our_eval(w2v, path)
                theirs = gensim_eval(path)
                runs.append(ours)
                print(f"{mode:<8} {tool:<7} {seed:>4} {secs:6.1f} {ours['analogy']:8.4f} "
                      f"{ours['coverage']:6.3f} {ours['wordsim353']:7.4f} {ours['simlex999']:7.4f} | "
                      f"{'':14}{theirs['analogy']:8.4f} {theirs['wordsim353']:7.4f} "
                      f"{theirs['simlex999']:7.4f}", flush=True)
            if len(seeds) > 1:
                mean = {k: sum(r[k] for r in runs) / len(runs) for k in keys}
                print(f"{mode:<8} {tool:<7} {'mean':>4} {'':6} {mean['analogy']:8.4f} {'':6} "
                      f"{mean['wordsim353']:7.4f} {mean['simlex999']:7.4f}", flush=True)


if __name__ == "__main__":
    main()
