"""A deterministic vocabulary of tens of thousands of distinct word forms with a Zipf-like
frequency, so benchmarks meet the variety of real transcripts (names, places, slang, typos)
instead of a few hundred repeated words. No word list is downloaded: forms are built from
English-like syllables and common endings, seeded."""
import bisect
import itertools
import random

ONSETS = ["", "b", "br", "c", "ch", "cl", "cr", "d", "dr", "f", "fl", "fr", "g", "gl", "gr", "h", "j", "k",
          "l", "m", "n", "p", "pl", "pr", "r", "s", "sc", "sh", "sl", "sm", "sn", "sp", "st", "str", "sw", "t",
          "th", "tr", "v", "w", "wh", "y", "z"]
NUCLEI = ["a", "e", "i", "o", "u", "ai", "ea", "ee", "oo", "ou", "ay", "ie", "oa"]
CODAS = ["", "", "b", "ck", "d", "ft", "g", "ll", "m", "n", "nd", "ng", "nk", "nt", "p", "rd", "rk", "rn",
         "rt", "s", "sh", "st", "t", "th", "x"]
ENDINGS = ["", "", "", "s", "ed", "ing", "er", "ly", "y", "ness", "ment", "ful", "ish", "'s"]
COMMON = ("the and to a of I it you in that was is he she we they on for with but have not be at so "
          "this just like what know about all there them then out up get got had do did said go going "
          "when one can were her his him my me your if no would could because really think right well "
          "yeah oh okay erm um mean time day back over now see come went home school kids house").split()


def build(size=40000, seed=11):
    """`size` distinct lower-case word forms, most frequent first."""
    rng = random.Random(seed)
    words, seen = list(COMMON), set(COMMON)
    while len(words) < size:
        n = rng.choice([1, 1, 2, 2, 2, 3, 3, 4])
        w = "".join(rng.choice(ONSETS) + rng.choice(NUCLEI) + rng.choice(CODAS) for _ in range(n))
        w += rng.choice(ENDINGS)
        if len(w) > 1 and w not in seen:
            seen.add(w)
            words.append(w)
    return words


class Zipf:
    """Draws words with probability proportional to 1 / rank."""

    def __init__(self, words):
        self.words = words
        self.cumulative = list(itertools.accumulate(1.0 / (r + 1) for r in range(len(words))))

    def draw(self, rng):
        return self.words[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]

    def sentence(self, rng, n):
        return " ".join(self.draw(rng) for _ in range(n))
