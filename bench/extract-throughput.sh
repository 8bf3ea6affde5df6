#!/usr/bin/env bash
# Extraction throughput: the extract-frames stage (decode + downscale + dense analysis + 224x224 frame
# chunks + manifest, in-process after a JIT warm-up, io.vidscore.tools.ExtractBench) against the ffmpeg CLI
# decoding and downscaling the same file to the same working height (scale=-2:224, grey), in the same
# script so the ratio holds on a noisy machine. Also prints the extract time `score` reports on a cold JVM.
# Usage: bench/extract-throughput.sh [runs] [height]   (needs ffmpeg; default 5 runs, 480p)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
height=${2:-480}
command -v ffmpeg >/dev/null || { apt-get update -qq && apt-get install -y -qq ffmpeg >/dev/null; }
./mvnw -B -q -o package -DskipTests
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
clip="$work/clip.mp4"
width=$(( (height * 16 / 9 + 1) / 2 * 2 ))
# Moving test pattern with a hard cut at 15 s, as bench/score-vs-ffmpeg.sh makes it.
ffmpeg -v error -f lavfi -i "testsrc2=size=${width}x${height}:rate=30:duration=15" -f lavfi -i "mandelbrot=size=${width}x${height}:rate=30" \
  -filter_complex "[1:v]trim=duration=15,setpts=PTS-STARTPTS,format=yuv420p[b];[0:v]format=yuv420p[a];[a][b]concat=n=2:v=1[v]" \
  -map "[v]" -c:v libx264 -preset veryfast -pix_fmt yuv420p "$clip"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }
ff=()
for i in $(seq "$runs"); do
  t0=$(now); ffmpeg -v error -i "$clip" -vf scale=-2:224,format=gray -f null - ; t1=$(now)
  ff+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')")
done
ffm=$(printf '%s\n' "${ff[@]}" | median)
vsm=$(java -cp "target/classes:$(cat target/cp.txt)" io.vidscore.tools.ExtractBench "$clip" "$runs" | awk '/^median/ {print $2}')
java -jar target/quarkus-app/quarkus-run.jar score "$clip" --out "$work/out" --no-progress >/dev/null
cold=$(grep -o '"extract" : [0-9]*' "$work/out/clip.json" | awk '{print $3/1000}')
ratio=$(awk -v a="$vsm" -v b="$ffm" 'BEGIN{print a/b}')
printf 'clip: 30 s %dx%d 30 fps H.264\nffmpeg decode+scale: %.2f s (median of %d)\nvidscore extract (warm, in-process): %.2f s (median of %d)\nratio: %.2fx (target <= 1.5x, goal 1.2x)\nextract inside `score` (cold JVM): %.2f s\n' \
  "$width" "$height" "$ffm" "$runs" "$vsm" "$runs" "$ratio" "$cold"
printf '| %s | %s | %dp | %.2f s | %.2f s | %.2fx | %.2f s |\n' "$(date -u +%Y-%m-%d)" "$(nproc) cores, $(java -version 2>&1 | head -1 | cut -d'"' -f2)" \
  "$height" "$ffm" "$vsm" "$ratio" "$cold" > "$work/row"
sed -i "/^<!-- throughput rows above -->/e cat $work/row" bench/EXTRACT.md  # the row goes just above the marker
