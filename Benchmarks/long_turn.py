#!/usr/bin/env python3
"""Writes one transcript whose single turn is WORDS words long with no punctuation, as
speech-to-text exports and merged subtitle cues produce.

Usage: long_turn.py OUT_FILE WORDS [--seed N]

The words are the synthetic corpus's sentences (everyday talk, cue phrases at the usual rate,
Zipf-distributed vocabulary) run together in lower case. Same arguments, same bytes.
"""
import random
import sys

from generate_corpus import sentence


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out, total = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 7
    rng = random.Random(seed)
    words = []
    while len(words) < total:
        words += sentence(rng).lower().replace(",", "").split()
    header = ("Encounter: LONG-E001\nCase: LONG\nSetting: family home\nKind: home visit\n"
              "Participants: SW = worker (Ruth); Mum = client (Aisha)\n\n")
    with open(out, "w", encoding="utf-8") as f:
        f.write(header + "[00:00:01] Mum: " + " ".join(words[:total]) + "\n")


if __name__ == "__main__":
    main()
