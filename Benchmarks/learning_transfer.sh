#!/usr/bin/env bash
# The issue-14 check on our own data: learn from one gold file, score on another (κ per code),
# for the rules alone and the hybrid; and, to imitate a team whose wording the cues miss, the
# same with a codebook that has the four codes but no cues (the model alone). Also prints the
# cross-validated estimate on the training file, to compare with the κ then measured on the
# other file. Every figure here is on rows the model did not learn from.
#
#   bash Benchmarks/learning_transfer.sh [debug|release]
set -euo pipefail
cd "$(dirname "$0")/.."
config=${1:-debug}
swift build -c "$config" --product rapport >&2
rapport=$(swift build -c "$config" --show-bin-path)/rapport
work=${BENCH_DIR:-/tmp/rapport-transfer}
mkdir -p "$work"
cat > "$work/nocues.yaml" <<'YAML'
name: Relationship dynamics in social-work practice
codes:
  - {id: hostility, name: Hostility, roles: [worker, client, child, professional, unknown]}
  - {id: empathy, name: Empathy, roles: [worker, professional]}
  - {id: acceptance, name: Acceptance, roles: [worker, professional]}
  - {id: power, name: Power, roles: [worker, client, child, professional, unknown]}
YAML
kappas() { sed -n 3,6p | awk '{printf " %s", $5}'; }
cvkappas() { sed -n 3,6p | awk '{printf " %s", $2}'; }
g=Tests/Fixtures/gold
echo "train -> test         | rules alone (h e a p)      | hybrid (h e a p)           | no cues: model alone       | no cues: CV estimate on train"
for pair in "b d" "c e" "d c" "e b" "style c"; do
    set -- $pair
    "$rapport" learn "$g/heldout-$1.tsv" -o "$work/full-$1.model" > /dev/null
    "$rapport" learn "$g/heldout-$1.tsv" -o "$work/bare-$1.model" --codebook "$work/nocues.yaml" > /dev/null
    rules=$("$rapport" evaluate --gold "$g/heldout-$2.tsv" --no-model | kappas)
    hybrid=$("$rapport" evaluate --gold "$g/heldout-$2.tsv" --model "$work/full-$1.model" 2>/dev/null | kappas)
    bare=$("$rapport" evaluate --gold "$g/heldout-$2.tsv" --model "$work/bare-$1.model" --codebook "$work/nocues.yaml" 2>/dev/null | kappas)
    cv=$("$rapport" evaluate --gold "$g/heldout-$1.tsv" --cross-validate 5 --codebook "$work/nocues.yaml" | cvkappas)
    printf "%-21s |%s |%s |%s |%s\n" "$1 -> $2" "$rules" "$hybrid" "$bare" "$cv"
done

# The issue's calibration check on one coding: learn from a file's odd rows, compare the
# cross-validated estimate on those rows with the κ then measured on its even rows (no cues).
echo
echo "file  | no cues: CV estimate on odd rows (h e a p) | no cues: κ on even rows (h e a p)"
for f in b d; do
    { grep -v '^#' "$g/heldout-$f.tsv" | head -1; grep -v '^#' "$g/heldout-$f.tsv" | tail -n +2 | awk 'NR%2==1'; } > "$work/$f-odd.tsv"
    { grep -v '^#' "$g/heldout-$f.tsv" | head -1; grep -v '^#' "$g/heldout-$f.tsv" | tail -n +2 | awk 'NR%2==0'; } > "$work/$f-even.tsv"
    "$rapport" learn "$work/$f-odd.tsv" -o "$work/odd-$f.model" --codebook "$work/nocues.yaml" > /dev/null
    cv=$("$rapport" evaluate --gold "$work/$f-odd.tsv" --cross-validate 5 --codebook "$work/nocues.yaml" | cvkappas)
    seen=$("$rapport" evaluate --gold "$work/$f-even.tsv" --model "$work/odd-$f.model" --codebook "$work/nocues.yaml" 2>/dev/null | kappas)
    printf "%-5s |%s |%s\n" "$f" "$cv" "$seen"
done
