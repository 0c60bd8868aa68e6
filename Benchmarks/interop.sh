#!/usr/bin/env bash
# Imports the real REFI-QDA exports in ../shared/interop-examples (NVivo 12 for Windows and Mac,
# MAXQDA 24, ATLAS.ti 23; see the README there) with a release build and prints, per file: wall
# time, peak memory, exit code, the position convention chosen and why, and how many coded
# selections were imported.
#
#   bash Benchmarks/interop.sh
#
# Needs: a Swift toolchain and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { echo "GNU time missing: apt-get install -y time" >&2; exit 1; }
swift build -c release --product rapport >&2
rapport=$(swift build -c release --show-bin-path)/rapport
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-52s %8s %8s %4s  %s\n' file wall_s rss_mb exit result
for file in ../shared/interop-examples/*.qdpx ../shared/interop-examples/*.zip; do
    status=0
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$rapport" import "$file" --format csv -o "$work/out.csv" \
        2>"$work/stderr.txt" || status=$?
    read -r wall rss < <(tail -n 1 "$work/time.txt")
    summary=$(grep -E "positions read as|coded selections imported" "$work/stderr.txt" | sed 's/^[^:]*: //' | tr '\n' ' ')
    printf '%-52s %8s %8d %4s  %s\n' "$(basename "$file")" "$wall" "$((rss / 1024))" "$status" "${summary:-no text sources}"
done
