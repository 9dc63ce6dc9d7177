#!/usr/bin/env python3
"""Rebuilds src/recognize/entities/data/common-words.txt: words that newswire writes in lowercase.

A capitalized word whose lowercase form is common is more likely a sentence opener or a
headline word than a name. Source: the press reportage and editorials of the Brown corpus
(Francis and Kucera 1964/1979; redistribution permitted), one sentence per line:
    python3 scripts/common_words.py ../shared/data/brown/c*.txt > src/recognize/entities/data/common-words.txt
A word is kept when it occurs in lowercase at least twice and is capitalized inside a sentence
less than a third as often.
"""
import collections
import re
import sys

WORD = re.compile(r"^[A-Za-z][a-z'-]*$")


def main(paths):
    lower = collections.Counter()
    capital = collections.Counter()
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                tokens = line.split()
                for i, token in enumerate(tokens):
                    if not WORD.match(token):
                        continue
                    if token[0].islower():
                        lower[token] += 1
                    elif i > 0:
                        capital[token.lower()] += 1
    words = sorted(w for w, n in lower.items() if n >= 2 and capital[w] * 3 < n)
    print("\n".join(words))


if __name__ == "__main__":
    main(sys.argv[1:])
