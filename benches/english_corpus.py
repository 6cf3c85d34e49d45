#!/usr/bin/env python3
"""Build a real-English benchmark corpus from Debian's dictionary packages.

No corpus may be downloaded here, but Debian ships two large bodies of English prose:
the Collaborative International Dictionary of English (package dict-gcide: definitions and
literary quotations, ~5M words) and WordNet's glosses and example sentences (wordnet-base).
This script strips their markup and writes text8-style lines: lower case, letters only,
one definition or gloss per line.

Usage: english_corpus.py OUT_FILE [MAX_TOKENS]
"""
import gzip
import re
import sys

GCIDE = "/usr/share/dictd/gcide.dict.dz"
WORDNET = ["/usr/share/wordnet/data." + pos for pos in ("noun", "verb", "adj", "adv")]

WORD = re.compile(r"[a-z]+")
PRONUNCIATION = re.compile(r"\\[^\\\n]*\\")   # \Ab"a*ca\
MARKUP = re.compile(r"\[[^\]]*\]")             # [1913 Webster], etymologies, [a^] codes
PAREN_CODES = re.compile(r"\([^)]*[\[\]^\"*`][^)]*\)")


def words(text):
    return WORD.findall(text.lower())


def gcide_paragraphs():
    with gzip.open(GCIDE, "rt", encoding="utf-8", errors="replace") as f:
        paragraph = []
        for line in f:
            if not line.strip():
                if paragraph:
                    yield " ".join(paragraph)
                    paragraph = []
                continue
            line = PRONUNCIATION.sub(" ", line)
            line = PAREN_CODES.sub(" ", line)
            line = MARKUP.sub(" ", line)
            paragraph.append(line.replace("{", " ").replace("}", " "))
        if paragraph:
            yield " ".join(paragraph)


def wordnet_glosses():
    for path in WORDNET:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("  ") or " | " not in line:
                    continue  # licence header
                yield line.split(" | ", 1)[1]


def main():
    out_path = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 10**12
    total = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for source in (gcide_paragraphs(), wordnet_glosses()):
            for text in source:
                toks = words(text)
                if len(toks) < 3:
                    continue
                out.write(" ".join(toks) + "\n")
                total += len(toks)
                if total >= limit:
                    break
            if total >= limit:
                break
    print(f"{out_path}: {total} tokens", file=sys.stderr)


if __name__ == "__main__":
    main()
