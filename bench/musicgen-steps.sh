#!/usr/bin/env bash
# MusicGen decoder steps per second (KV-cache loop, guidance batch 2, top-k 250) on a model folder.
# Usage: bench/musicgen-steps.sh [modelsDir=models/fixtures] [seconds=10] [device=cpu|auto|cuda] [runs=3]
# Real weights on a GPU: fetch them (models/fetch-models.sh ~/models), then
#   PROFILE=-Pgpu bench/musicgen-steps.sh ~/models 30 cuda 3
# (the gpu profile puts onnxruntime_gpu on the classpath; needs CUDA 12 and cuDNN 9 on the host).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o ${PROFILE:-} compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -cp "target/classes:$(cat target/cp.txt)" io.vidscore.tools.MusicGenBench "$@"
