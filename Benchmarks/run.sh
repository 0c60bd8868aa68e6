#!/usr/bin/env bash
# Benchmarks rapport against ripgrep, a Python dictionary coder and the I/O floor (cat, wc -w),
# on the same machine, on the same deterministic synthetic corpus, in one run.
#
#   bash Benchmarks/run.sh [SIZE_MB ...]        (default: 5 50)
#
# Needs: a Swift toolchain, python3, ripgrep (apt-get install -y ripgrep), GNU time (/usr/bin/time).
# Prints a table of wall time, throughput, peak RSS and the ratios the targets are stated in.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(5 50)
work=${BENCH_DIR:-/tmp/rapport-bench}
mkdir -p "$work"

command -v rg >/dev/null || { echo "ripgrep missing: apt-get install -y ripgrep" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time missing: apt-get install -y time" >&2; exit 1; }
swift build -c release --product rapport >&2
rapport=$(swift build -c release --show-bin-path)/rapport
"$rapport" codebook cues > "$work/cues.txt"
"$rapport" codebook cues --with-codes > "$work/cues.tsv"

# measure NAME CMD...: prints "name wall_s rss_mb user_s", the median of BENCH_REPEAT runs (default 3).
repeat=${BENCH_REPEAT:-3}
measure() {
    local name=$1; shift
    local best=""
    for _ in $(seq "$repeat"); do
        /usr/bin/time -f "%e %M %U" -o "$work/time.txt" bash -c "$*" > /dev/null 2>"$work/stderr.txt" || true
        best="$best$(cat "$work/time.txt")"$'\n'
    done
    echo "$best" | grep . | sort -n | sed -n "$(( (repeat + 1) / 2 ))p" | awk -v n="$name" '{ printf "%s %s %.1f %s\n", n, $1, $2/1024, $3 }'
}

printf "%-8s %-34s %9s %9s %10s %8s\n" "corpus" "command" "wall s" "MB/s" "peak MB" "user/wall"
for size in "${sizes[@]}"; do
    corpus="$work/corpus-$size"
    [ -d "$corpus" ] || python3 Benchmarks/generate_corpus.py "$corpus" "$size" >&2
    mb=$(du -sb "$corpus" | awk '{ print $1 / 1e6 }')
    {
        measure "cat" "find '$corpus' -name '*.txt' -print0 | sort -z | xargs -0 cat"
        measure "wc-w" "find '$corpus' -name '*.txt' -print0 | sort -z | xargs -0 cat | wc -w"
        measure "ripgrep" "rg -c -i --regex-size-limit 1G --dfa-size-limit 1G -f '$work/cues.txt' '$corpus'"
        measure "python" "python3 Benchmarks/python_coder.py '$work/cues.tsv' '$corpus'"
        measure "rapport-code" "'$rapport' code '$corpus' --format jsonl"
        measure "rapport-report" "'$rapport' report '$corpus' --format csv"
    } > "$work/results-$size.txt"
    while read -r name wall rss user; do
        rate=$(awk -v m="$mb" -v w="$wall" 'BEGIN { printf "%.1f", (w > 0 ? m / w : 0) }')
        par=$(awk -v u="$user" -v w="$wall" 'BEGIN { printf "%.2f", (w > 0 ? u / w : 0) }')
        printf "%-8s %-34s %9s %9s %10s %8s\n" "${size}MB" "$name" "$wall" "$rate" "$rss" "$par"
    done < "$work/results-$size.txt"
    awk -v s="$size" '
        { w[$1] = $2; m[$1] = $3 }
        END {
            printf "%-8s rapport report / ripgrep = %.2f (target <= 3)   python / rapport code = %.1f (target >= 20)\n",
                s "MB", w["rapport-report"] / w["ripgrep"], w["python"] / w["rapport-code"]
        }' "$work/results-$size.txt"
done
