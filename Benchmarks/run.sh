#!/usr/bin/env bash
# Benchmarks rapport against ripgrep, a Python dictionary coder and the I/O floor (cat, wc -w),
# on the same machine, on the same deterministic synthetic corpus (Benchmarks/generate_corpus.py,
# half its filler drawn from a 40,000-form Zipf vocabulary), in one run.
#
#   bash Benchmarks/run.sh [SIZE_MB ...]        (default: 5 50; add 500 for the memory target:
#                                                 about 500 MB of disk and, on 2 cores, an hour)
#
# Needs: a Swift toolchain, python3, ripgrep (apt-get install -y ripgrep), GNU time (/usr/bin/time).
# RAPPORT=path skips the build; BENCH_PYTHON=0 skips the (slow) Python coder; BENCH_REPEAT=N
# takes the median of N runs (default 3). Prints, per command, wall time, throughput, CPU time
# (user + system), peak RSS and CPU/wall, then the ratios the targets are stated in, with the
# machine's load average at the start of each size (other work on the machine inflates wall time;
# CPU time is the steadier figure for before/after comparisons).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(5 50)
work=${BENCH_DIR:-/tmp/rapport-bench}
mkdir -p "$work"

command -v rg >/dev/null || { echo "ripgrep missing: apt-get install -y ripgrep" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time missing: apt-get install -y time" >&2; exit 1; }
if [ -z "${RAPPORT:-}" ]; then
    swift build -c release --product rapport >&2
    RAPPORT=$(swift build -c release --show-bin-path)/rapport
fi
rapport=$RAPPORT
"$rapport" codebook cues > "$work/cues.txt"
"$rapport" codebook cues --with-codes > "$work/cues.tsv"

# measure NAME CMD...: prints "name wall_s rss_mb cpu_s", the median (by wall time) of BENCH_REPEAT runs.
# A run that exits non-zero is reported on stderr (with its first error lines) and marks the
# command FAILED in the table: its time is not a figure.
repeat=${BENCH_REPEAT:-3}
measure() {
    local name=$1; shift
    local runs="" failed=0
    for _ in $(seq "$repeat"); do
        local status=0
        /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" bash -c "set -o pipefail; $*" > /dev/null 2>"$work/stderr.txt" || status=$?
        if [ "$status" != 0 ]; then
            echo "$name exited $status:" >&2; head -5 "$work/stderr.txt" >&2
            failed=1
        fi
        runs="$runs$(grep -v '^Command' "$work/time.txt" | tail -1)"$'\n'
    done
    [ "$failed" = 0 ] || name="$name(FAILED)"
    echo "$runs" | grep . | sort -n | sed -n "$(( (repeat + 1) / 2 ))p" \
        | awk -v n="$name" '{ printf "%s %s %.1f %.2f\n", n, $1, $2/1024, $3 + $4 }'
}

for size in "${sizes[@]}"; do
    corpus="$work/corpus-$size"
    [ -d "$corpus" ] || python3 Benchmarks/generate_corpus.py "$corpus" "$size" >&2
    mb=$(du -sb "$corpus" | awk '{ print $1 / 1e6 }')
    words=$(find "$corpus" -name '*.txt' -print0 | sort -z | xargs -0 cat | wc -w)
    echo "corpus $corpus: $mb MB, $words words, $(find "$corpus" -name '*.txt' | wc -l) files; $(nproc) cores;$(uptime | sed 's/.*,  *load/ load/')"
    printf "%-8s %-26s %9s %9s %9s %10s %9s\n" "corpus" "command" "wall s" "MB/s" "cpu s" "peak MB" "cpu/wall"
    {
        measure "cat" "find '$corpus' -name '*.txt' -print0 | sort -z | xargs -0 cat"
        measure "wc-w" "find '$corpus' -name '*.txt' -print0 | sort -z | xargs -0 cat | wc -w"
        measure "ripgrep" "rg -c -i --regex-size-limit 1G --dfa-size-limit 1G -f '$work/cues.txt' '$corpus'"
        [ "${BENCH_PYTHON:-1}" = 0 ] || measure "python" "python3 Benchmarks/python_coder.py '$work/cues.tsv' '$corpus'"
        measure "rapport-parse-json" "'$rapport' parse '$corpus' --format json"
        measure "rapport-code" "'$rapport' code '$corpus' --format jsonl"
        measure "rapport-code-no-model" "'$rapport' code '$corpus' --format jsonl --no-model"
        measure "rapport-report" "'$rapport' report '$corpus' --format csv"
        measure "rapport-report-no-model" "'$rapport' report '$corpus' --format csv --no-model"
    } > "$work/results-$size.txt"
    while read -r name wall rss cpu; do
        rate=$(awk -v m="$mb" -v w="$wall" 'BEGIN { printf "%.1f", (w > 0 ? m / w : 0) }')
        par=$(awk -v c="$cpu" -v w="$wall" 'BEGIN { printf "%.2f", (w > 0 ? c / w : 0) }')
        printf "%-8s %-26s %9s %9s %9s %10s %9s\n" "${size}MB" "$name" "$wall" "$rate" "$cpu" "$rss" "$par"
    done < "$work/results-$size.txt"
    awk -v s="$size" -v mb="$mb" '
        { w[$1] = $2; m[$1] = $3; c[$1] = $4 }
        function rate(n) { return w[n] > 0 ? mb / w[n] : 0 }
        END {
            printf "%-8s report %.1f MB/s (target >= 30), %.1f x wc -w (target <= 4); --no-model %.1f MB/s, %.1f x wc -w\n",
                s "MB", rate("rapport-report"), w["rapport-report"] / w["wc-w"],
                rate("rapport-report-no-model"), w["rapport-report-no-model"] / w["wc-w"]
            printf "%-8s code %.1f MB/s (target >= 20); --no-model %.1f MB/s\n", s "MB", rate("rapport-code"), rate("rapport-code-no-model")
            printf "%-8s peak RSS parse %.0f, code %.0f, report %.0f MB (target <= 100)\n", s "MB",
                m["rapport-parse-json"], m["rapport-code"], m["rapport-report"]
            printf "%-8s rapport report / ripgrep = %.2f\n", s "MB", w["rapport-report"] / w["ripgrep"]
            if ("python" in w) printf "%-8s python / rapport code = %.1f\n", s "MB", w["python"] / w["rapport-code"]
        }' "$work/results-$size.txt"
    echo "load at the end:$(uptime | sed 's/.*,  *load/ load/')"
done

# Memory must stay flat as the corpus grows (issue 13: <= 100 MB from 5 MB to 500 MB).
if [ ${#sizes[@]} -gt 1 ]; then
    echo "peak RSS (MB) by corpus size:"
    printf "%-26s" "command"; for size in "${sizes[@]}"; do printf " %9s" "${size}MB"; done; echo
    for name in rapport-parse-json rapport-code rapport-code-no-model rapport-report rapport-report-no-model; do
        printf "%-26s" "$name"
        for size in "${sizes[@]}"; do
            printf " %9s" "$(awk -v n="$name" '$1 == n || $1 == n "(FAILED)" { print $3 }' "$work/results-$size.txt")"
        done
        echo
    done
fi
