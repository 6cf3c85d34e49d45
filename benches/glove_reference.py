#!/usr/bin/env python3
"""GloVe against a reference: our `w2v train -model glove` and mittens' GloVe (numpy) on the same
co-occurrence counts, scored by the same `w2v eval`.

The counts are made here as src/counts/cooccurrence.rs makes them: a line is a sentence, words
below min-count are dropped first (as word2vec.c and our corpus do), every pair within the window
counts 1/distance, both ways. mittens fits them with full-batch AdaGrad on the dense matrix (so
keep the vocabulary small: min-count high), ours with AdaGrad over the pairs one at a time in a
random order (as glove.c): the same loss, a different optimiser, so the scores are compared, not
the loss curves step by step. Both write W + W̃.

Usage: W2V=target/release/w2v python glove_reference.py CORPUS [MIN_COUNT=50] [DIM=50]
       [WINDOW=10] [OUR_EPOCHS=25] [MITTENS_ITERS=500]
(run it with a Python that has mittens, numpy and gensim installed: gensim only for its test data.)
"""
import collections
import os
import subprocess
import sys
import tempfile
import time

import gensim
import numpy as np
from mittens import GloVe

DATA = os.path.join(os.path.dirname(gensim.__file__), "test", "test_data")
W2V = os.environ.get("W2V", "target/release/w2v")


def counts(path, min_count, window):
    """Vocabulary (most frequent first) and the dense symmetric 1/distance counts."""
    freq = collections.Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            freq.update(line.split())
    words = sorted((w for w, c in freq.items() if c >= min_count), key=lambda w: (-freq[w], w))
    index = {w: i for i, w in enumerate(words)}
    x = np.zeros((len(words), len(words)))
    with open(path, encoding="utf-8") as f:
        for line in f:
            ids = [index[w] for w in line.split() if w in index]
            for i, a in enumerate(ids):
                for d in range(1, min(window, len(ids) - 1 - i) + 1):
                    b = ids[i + d]
                    x[a, b] += 1.0 / d
                    x[b, a] += 1.0 / d
    return words, x


def write(path, words, vectors):
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"{len(words)} {vectors.shape[1]}\n")
        for w, v in zip(words, vectors):
            f.write(w + " " + " ".join(f"{x:.6f}" for x in v) + "\n")


def score(path):
    out = subprocess.run([W2V, "eval", path, "-analogies", os.path.join(DATA, "questions-words.txt"),
                          "-similarity", os.path.join(DATA, "wordsim353.tsv")], capture_output=True, text=True, check=True).stdout
    lines = [l for l in out.splitlines() if l.startswith("analogy total") or l.startswith("similarity")]
    return " | ".join(" ".join(l.split()) for l in lines)


def main():
    corpus = sys.argv[1]
    defaults = [50, 50, 10, 25, 500]
    given = [int(a) for a in sys.argv[2:7]]
    min_count, dim, window, epochs, iters = given + defaults[len(given):]
    t = time.time()
    words, x = counts(corpus, min_count, window)
    print(f"{len(words)} words, {int((x > 0).sum())} pairs counted in {time.time() - t:.1f} s")
    tmp = tempfile.mkdtemp()

    ours = os.path.join(tmp, "ours.txt")
    t = time.time()
    subprocess.run([W2V, "train", "-train", corpus, "-output", ours, "-model", "glove", "-size", str(dim), "-window", str(window),
                    "-min-count", str(min_count), "-iter", str(epochs)], check=True, capture_output=True)
    print(f"ours, {epochs} epochs over the pairs ({time.time() - t:.1f} s): {score(ours)}")

    t = time.time()
    model = GloVe(n=dim, xmax=100, alpha=0.75, learning_rate=0.05, max_iter=iters, display_progress=max(1, iters // 5))
    vectors = model.fit(x)
    theirs = os.path.join(tmp, "mittens.txt")
    write(theirs, words, vectors)
    print(f"mittens, {iters} full-batch AdaGrad steps ({time.time() - t:.1f} s): {score(theirs)}")


if __name__ == "__main__":
    main()
