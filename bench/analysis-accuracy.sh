#!/usr/bin/env bash
# Visual-analysis accuracy on generated clips with known truth: tempo, visual beats, cuts, fades.
# Prints one row per clip; --write bench/ANALYSIS.md replaces the table there.
# Usage: bench/analysis-accuracy.sh [--write bench/ANALYSIS.md] [--keep DIR] [--codec mpeg4|h264] [--seed N]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -cp "target/classes:$(cat target/cp.txt)" io.vidscore.tools.AnalysisAccuracy "$@"
