#!/usr/bin/env bash
# Real-time factor of the built-in composer per style (10-minute renders, one thread, counting sink).
# Usage: bench/composer-speed.sh [durationS]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -cp "target/classes:$(cat target/cp.txt)" io.vidscore.tools.ComposerBench "$@"
