#!/usr/bin/env python3
"""Writes a deterministic synthetic corpus in Rapport's plain-text conventions.

Usage: generate_corpus.py OUT_DIR SIZE_MB [--seed N]

Each file is one shadowing day: two to four encounters with header blocks, labelled turns with
timestamps and bracketed notes, and observation paragraphs. Vocabulary is everyday speech with
cue phrases of the default codebook at a realistic rate (roughly one coded passage in four).
Half of the uncoded sentences are drawn from a Zipf-distributed vocabulary of 40,000 word
forms (`vocabulary.py`), so the corpus has the variety of real transcripts.
The same arguments always give the same bytes.
"""
import os
import random
import sys

from vocabulary import Zipf, build

VOCABULARY = Zipf(build())

WORKERS = ["Hannah", "Sam", "Ruth", "Priya", "Tom", "Grace", "Imran", "Joanne"]
PARENTS = ["Kerry", "Dean", "Leanne", "Marta", "Paul", "Shona", "Aisha", "Gary", "Tina", "Lee"]
CHILDREN = ["Kayden", "Ellie", "Tyler", "Maja", "Jayden", "Ruby", "Kai", "Amir"]
SETTINGS = [("family home", "home visit"), ("office", "meeting"), ("phone", "phone call"),
            ("car", "car interview"), ("family centre", "core group meeting")]

NEUTRAL = [
    "the kettle is on and the telly is playing cartoons in the front room",
    "we talked about the school run and whether the bus was on time this week",
    "she mentions that the washing machine has been fixed at last",
    "the baby is asleep upstairs and the house is quiet for once",
    "he says the weather has been awful and the garden is a mess",
    "they go through the dates for the dentist and the health visitor",
    "I asked how the new flat was and whether the damp had cleared",
    "the dog wanders in and lies down by the radiator",
    "we spoke about the weekend and the trip to see her sister",
    "the worker writes the time in her diary and checks the next appointment",
]
CUED = [
    ("hostility", "you lot are all the same and I don't trust a single one of you"),
    ("hostility", "she slams the door and shouts that she has nothing to say to them"),
    ("hostility", "he swears at the worker and storms out of the kitchen"),
    ("hostility", "get out of my house, the lot of you"),
    ("empathy", "it sounds like you have been carrying all of this on your own"),
    ("empathy", "that must have been terrifying for you and the kids"),
    ("empathy", "I can hear how exhausted you are"),
    ("acceptance", "you have done really well with the routines, and it is your decision"),
    ("acceptance", "you are a good mum and one bad night does not change that"),
    ("power", "the children are on a child protection plan so I will be visiting every fortnight"),
    ("power", "if you do not engage we will have to go back to court"),
    ("power", "I need to see where the baby sleeps before I go"),
    ("power", "the worker opens the fridge and looks along the shelves"),
    ("power", "I won't sign the plan because it says things that are not true"),
]
NOTES = ["[laughs]", "(pause)", "[inaudible 00:12:03]", "[sighs]", "((door slams))", "[crosstalk]"]


def sentence(rng):
    if rng.random() < 0.25:
        return rng.choice(CUED)[1]
    if rng.random() < 0.5:
        return VOCABULARY.sentence(rng, rng.randint(6, 18))
    return rng.choice(NEUTRAL)


def paragraph(rng, n):
    out = []
    for _ in range(n):
        s = sentence(rng)
        out.append(s[0].upper() + s[1:] + rng.choice([".", ".", "?", "!"]))
    return " ".join(out)


def encounter(rng, case, index, day):
    worker = rng.choice(WORKERS)
    parent = rng.choice(PARENTS)
    child = rng.choice(CHILDREN)
    setting, kind = rng.choice(SETTINGS)
    lines = [
        f"Encounter: {case}-E{index:03d}",
        f"Case: {case}",
        f"Date: 2024-{1 + day % 12:02d}-{1 + day % 28:02d}",
        f"Setting: {setting}",
        f"Kind: {kind}",
        f"Participants: SW = worker ({worker}); Mum = client ({parent}); {child} = child; Int = researcher",
        "",
    ]
    seconds = 0
    for _ in range(rng.randint(12, 30)):
        if rng.random() < 0.3:
            lines.append(paragraph(rng, rng.randint(2, 5)))
        else:
            seconds += rng.randint(5, 90)
            stamp = f"[{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}] "
            speaker = rng.choice(["SW", "Mum", "SW", "Mum", "Int", child])
            text = paragraph(rng, rng.randint(1, 3))
            if rng.random() < 0.2:
                text += " " + rng.choice(NOTES)
            lines.append(stamp + f"{speaker}: " + text)
        lines.append("")
    return "\n".join(lines)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out, size_mb = sys.argv[1], float(sys.argv[2])
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 7
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    target = int(size_mb * 1_000_000)
    written, n = 0, 0
    while written < target:
        case = f"S{n % 97:02d}"
        body = "\n".join(encounter(rng, case, n * 4 + k, n + k) for k in range(rng.randint(2, 4)))
        sub = os.path.join(out, f"batch-{n // 500:03d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"day-{n:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(body)
        written += len(body.encode("utf-8"))
        n += 1
    print(f"{out}: {n} files, {written / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
