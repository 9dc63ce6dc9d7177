#!/usr/bin/env python3
"""Rebuilds src/recognize/entities/data/dictionary-words.txt: English words that are only ever
written in lowercase.

A capitalized word the dictionary knows only in lowercase ("Launch", "Studio", "Heresy") is a
title word or a sentence opener far more often than a person's name, while a word the
dictionary also lists capitalized ("Bill", "Rice", "Stone") may well be one.
Source: SCOWL's American English list as Debian ships it (package `wamerican`; Copyright
2000-2011 Kevin Atkinson and others, permissive licence, see NOTICE):
    apt-get install wamerican
    python3 scripts/dictionary_words.py /usr/share/dict/american-english \
        > src/recognize/entities/data/dictionary-words.txt
A word is kept when it is all lowercase ASCII letters, at least three long, not a possessive,
and the list has no capitalized form of it.
"""
import sys


def main(path):
    with open(path, encoding="utf-8") as fh:
        words = {line.strip() for line in fh}
    kept = sorted(
        w
        for w in words
        if len(w) >= 3 and w.isascii() and w.isalpha() and w.islower()
        and w.capitalize() not in words
    )
    print("\n".join(kept))


if __name__ == "__main__":
    main(sys.argv[1])
