#!/usr/bin/env bash
# CLIP encode throughput: the project's encoder (what encode-video runs: conversion of the stored uint8 crops to
# pixel values, batching, tensors, inference) vs a bare ONNX Runtime session on the same model, session options
# and batches, fed ready pixel values / the same crops / one hot buffer (see io.vidscore.tools.ClipEncodeBench).
# Usage: bench/clip-encode.sh [models dir, default models/fixtures] [frames, 256] [batch, 32] [rounds, 9]
#                             [device cpu|cuda|auto, cpu] [frames per chunk, 64 as encode-video]
# Prints median and best frames/s per side and the median of the paired per-round ratios. On a shared machine,
# run it several times and take the medians (bench/NEURAL.md does).
# GPU: build with the gpu profile first, e.g. PROFILE=-Pgpu bench/clip-encode.sh ~/vidscore-models 512 32 9 cuda
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o ${PROFILE:-} compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -cp "target/classes:$(cat target/cp.txt)" io.vidscore.tools.ClipEncodeBench "$@"
