#!/usr/bin/env python3
"""The baseline a researcher would otherwise write: dictionary coding with one compiled regular
expression per code, applied to every paragraph of every transcript.

Usage: python_coder.py CUES.tsv CORPUS_DIR > codes.jsonl

CUES.tsv is `rapport codebook cues --with-codes` output (code<TAB>expression). Output: one JSON
line per paragraph with the top-level codes found, like `rapport code --format jsonl`.
"""
import json
import os
import re
import sys


def main():
    cues, corpus = sys.argv[1], sys.argv[2]
    by_code = {}
    with open(cues, encoding="utf-8") as f:
        for line in f:
            code, expression = line.rstrip("\n").split("\t", 1)
            by_code.setdefault(code.split(".")[0], []).append(expression)
    patterns = {code: re.compile("|".join(f"(?:{e})" for e in exprs), re.IGNORECASE)
                for code, exprs in by_code.items()}
    out = sys.stdout
    for root, dirs, files in os.walk(corpus):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".txt"):
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            for n, paragraph in enumerate(p for p in text.split("\n\n") if p.strip()):
                codes = sorted(code for code, pattern in patterns.items() if pattern.search(paragraph))
                out.write(json.dumps({"path": path, "segment": n, "codes": codes}) + "\n")


if __name__ == "__main__":
    main()
