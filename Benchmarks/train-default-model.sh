#!/usr/bin/env bash
# Regenerates the default model shipped with Rapport (Sources/Learning/Resources/relationship.model)
# from all the team coding the repository has: the codebook's own examples, ../shared/data/dev-gold.tsv
# and Tests/Fixtures/gold/*.tsv. Deterministic: the same inputs give the same bytes.
# Because every gold file we have is training data for it, no in-repo figure for the default model
# is held-out; `rapport evaluate --gold FILE --cross-validate K` gives cross-validated estimates.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product rapport
.build/release/rapport learn --with-examples ../shared/data/dev-gold.tsv Tests/Fixtures/gold/*.tsv \
    -o Sources/Learning/Resources/relationship.model
