#!/usr/bin/env python3
"""Reference alphas for KrippendorffReferenceTests, from the PyPI package `krippendorff`.

Reads JSON from stdin: {"matrices": [M1, M2, ...]}, each matrix a list of coders, each coder a list
of values per unit (numbers or null for missing). Writes JSON to stdout: {"alphas": [A1, A2, ...]},
each {"nominal": x, "ordinal": x, "interval": x, "ratio": x} where x is null when alpha is undefined
(the package raises ValueError or returns nan). The value domain is the package default: the sorted
distinct observed values.

Exits with status 3 and a message on stderr when the package is not installed.
"""
import json
import math
import sys
import warnings

try:
    import numpy as np
    import krippendorff
except ImportError as error:
    print(f"krippendorff_reference.py: {error}; install it with `pip install krippendorff`", file=sys.stderr)
    sys.exit(3)

LEVELS = ("nominal", "ordinal", "interval", "ratio")


def alpha(matrix, level):
    data = np.array([[np.nan if value is None else float(value) for value in coder] for coder in matrix], dtype=float)
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            result = float(krippendorff.alpha(reliability_data=data, level_of_measurement=level))
    except ValueError:
        return None
    return result if math.isfinite(result) else None


def main():
    request = json.load(sys.stdin)
    alphas = [{level: alpha(matrix, level) for level in LEVELS} for matrix in request["matrices"]]
    json.dump({"alphas": alphas}, sys.stdout)


if __name__ == "__main__":
    main()
