#!/usr/bin/env bash
# CLIP encode throughput: the project's encoder (what encode-video runs: preprocessing of the stored crops,
# batching, tensor creation, inference) vs a bare ONNX Runtime session on the same model and batches.
# Usage: bench/clip-encode.sh [models dir, default models/fixtures] [frames] [batch] [rounds] [device cpu|cuda|auto]
# GPU: build with the gpu profile first, e.g. PROFILE=-Pgpu bench/clip-encode.sh ~/vidscore-models 512 32 5 cuda
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o ${PROFILE:-} compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -cp "target/classes:$(cat target/cp.txt)" io.vidscore.tools.ClipEncodeBench "$@"
