#!/usr/bin/env bash
# Times `vidscore score` on a 30 s 480p H.264 clip against the ffmpeg CLI decoding the same file, in the
# same script, so the ratio holds on a noisy machine. JVM start is included in vidscore's time.
# Usage: bench/score-vs-ffmpeg.sh [runs]   (needs the jar: ./mvnw -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 2; }
if ! command -v ffmpeg >/dev/null; then
  apt-get update -qq && apt-get install -y -qq ffmpeg >/dev/null
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
clip="$work/clip 480p.mp4"
# Moving test pattern with a hard cut at 15 s (two sources concatenated) and a tone as original audio.
ffmpeg -v error -f lavfi -i "testsrc2=size=854x480:rate=30:duration=15" -f lavfi -i "mandelbrot=size=854x480:rate=30" \
  -f lavfi -i "sine=frequency=330:sample_rate=48000:duration=30" \
  -filter_complex "[1:v]trim=duration=15,setpts=PTS-STARTPTS,format=yuv420p[b];[0:v]format=yuv420p[a];[a][b]concat=n=2:v=1[v]" \
  -map "[v]" -map 2:a -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -shortest "$clip"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }
ff=(); vs=()
for i in $(seq "$runs"); do
  t0=$(now); ffmpeg -v error -i "$clip" -f null - ; t1=$(now)
  ff+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')")
  t0=$(now); java -jar "$jar" score "$clip" --out "$work/out" --no-progress >/dev/null; t1=$(now)
  vs+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')")
done
ffm=$(printf '%s\n' "${ff[@]}" | median); vsm=$(printf '%s\n' "${vs[@]}" | median)
ratio=$(awk -v a="$vsm" -v b="$ffm" 'BEGIN{print a/b}')
printf 'ffmpeg decode: %.2f s (median of %d)\nvidscore score: %.2f s (median of %d, JVM start included)\nratio: %.2fx (target <= 5x)\n' "$ffm" "$runs" "$vsm" "$runs" "$ratio"
printf '| %s | %s | %.2f s | %.2f s | %.2fx |\n' "$(date -u +%Y-%m-%d)" "$(nproc) cores, $(java -version 2>&1 | head -1 | cut -d'"' -f2)" "$ffm" "$vsm" "$ratio" >> bench/RESULTS.md
