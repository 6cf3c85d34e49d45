"""gensim's training speed, for the benchmarks (benches/throughput.rs, benches/wasm_vs_native.mjs).

usage: python gensim_rate.py CORPUS SG HS NEGATIVE SIZE WINDOW SAMPLE ITER MIN_COUNT ALPHA
Prints "RATE <words per second>" over the training phase, one worker, seed 1.
"""
import sys
import time

from gensim.models import Word2Vec
from gensim.models.word2vec import LineSentence

path, sg, hs, neg, size, window, sample, it, minc, alpha = sys.argv[1:]
m = Word2Vec(vector_size=int(size), window=int(window), sg=int(sg), hs=int(hs), negative=int(neg),
             sample=float(sample), min_count=int(minc), alpha=float(alpha), workers=1, seed=1)
sentences = LineSentence(path)
m.build_vocab(sentences)
start = time.perf_counter()
m.train(sentences, total_examples=m.corpus_count, epochs=int(it))
seconds = time.perf_counter() - start
print("RATE", m.corpus_total_words * int(it) / seconds)
