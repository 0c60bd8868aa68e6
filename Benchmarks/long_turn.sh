#!/usr/bin/env bash
# Times `rapport code` on one unpunctuated turn of growing length (default 2k, 4k, 8k, 16k words)
# with a release build, and prints wall and CPU time, peak RSS and the CPU time per 1,000 words
# above the empty turn (0 words: start-up and codebook compilation), so linear growth (constant
# time per word) or its absence is visible at a glance. Figures are the median of BENCH_REPEAT
# runs (default 3).
#
#   bash Benchmarks/long_turn.sh [WORDS ...]
#
# Needs: a Swift toolchain, python3, GNU time (/usr/bin/time). RAPPORT=path skips the build.
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("$@"); [ ${#counts[@]} -gt 0 ] || counts=(0 2000 4000 8000 16000)
work=${BENCH_DIR:-/tmp/rapport-bench}
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "GNU time missing: apt-get install -y time" >&2; exit 1; }
if [ -z "${RAPPORT:-}" ]; then
    swift build -c release --product rapport >&2
    RAPPORT=$(swift build -c release --show-bin-path)/rapport
fi
repeat=${BENCH_REPEAT:-3}
printf "%8s %9s %9s %10s %14s %12s\n" "words" "wall s" "cpu s" "peak MB" "cpu ms/1k over 0" "annotations"
base=""
for n in "${counts[@]}"; do
    file="$work/long-$n.txt"
    [ -f "$file" ] || python3 Benchmarks/long_turn.py "$file" "$n"
    runs=""
    for _ in $(seq "$repeat"); do
        /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$RAPPORT" code "$file" --format jsonl > "$work/long-$n.jsonl"
        runs="$runs$(awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/time.txt")"$'\n'
    done
    read -r wall cpu rss <<< "$(echo "$runs" | grep . | sort -k2 -n | sed -n "$(( (repeat + 1) / 2 ))p")"
    [ -n "$base" ] || base=$cpu
    count=$( (grep -o "\"code\":" "$work/long-$n.jsonl" || true) | wc -l)
    awk -v n="$n" -v w="$wall" -v c="$cpu" -v r="$rss" -v b="$base" -v a="$count" \
        'BEGIN { printf "%8d %9.2f %9.2f %10.1f %14s %12d\n", n, w, c, r / 1024, (n > 0 ? sprintf("%.1f", 1000 * (c - b) * 1000 / n) : "-"), a }'
done
