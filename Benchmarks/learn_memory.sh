#!/usr/bin/env bash
# Peak memory and time of `rapport learn` on N training passages (default 10000), made by
# recombining the rows of the gold files we have (so the vocabulary grows as with real coding).
#
#   bash Benchmarks/learn_memory.sh [N] [debug|release]     (default: 10000 release)
#
# Needs GNU time (/usr/bin/time). Prints passages, wall seconds and peak RSS in MB.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}; config=${2:-release}
work=${BENCH_DIR:-/tmp/rapport-learn-bench}
mkdir -p "$work"
swift build -c "$config" --product rapport >&2
rapport=$(swift build -c "$config" --show-bin-path)/rapport
python3 - "$n" "$work/train.tsv" ../shared/data/dev-gold.tsv Tests/Fixtures/gold/*.tsv <<'PY'
import random, sys
n, out, files = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
rows = []
for f in files:
    for line in open(f, encoding="utf-8"):
        if line.startswith("#") or line.startswith("id\t"): continue
        p = line.rstrip("\n").split("\t")
        if len(p) >= 4: rows.append(p)
rng = random.Random(14)
with open(out, "w", encoding="utf-8") as w:
    w.write("id\tsource\tcodes\ttext\tphenomenon\n")
    for i in range(n):
        a, b = rng.choice(rows), rng.choice(rows)
        # The codes of the first row, its text plus the tail of another row's words.
        words = b[3].split()
        text = a[3] + " " + " ".join(words[len(words) // 2:])
        w.write(f"m{i}\tbench\t{a[2]}\t{text}\t\n")
PY
/usr/bin/time -f "%e %M" -o "$work/time.txt" "$rapport" learn "$work/train.tsv" -o "$work/m.model" > "$work/summary.txt"
read -r seconds kb < "$work/time.txt"
echo "passages $n  wall ${seconds}s  peak RSS $((kb / 1024)) MB  model $(($(stat -c %s "$work/m.model") / 1024)) KB"
