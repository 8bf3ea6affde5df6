#!/usr/bin/env bash
# Writes a MusicGen-small stand-in for timing the decoder at the real model's size: the fixture script's graphs
# (same names, dtypes, ranks and merged If as the published export) with the real decoder's widths (24 layers,
# 16 heads of 64, FFN 4096; 1.6 GB of random weights), the fixture's tiny text encoder and EnCodec, no goldens.
# The music it makes is noise; decoder steps per second are what the real export's arithmetic costs.
# Usage: bench/make-musicgen-standin.sh DIR   then   bench/musicgen-steps.sh DIR 4 cpu 3
# Needs Debian's python3 with python3-torch, python3-onnx, python3-numpy (as the fixture script).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
VIDSCORE_MUSICGEN_STANDIN="$1" /usr/bin/python3 models/fixtures/make_musicgen_fixtures.py
