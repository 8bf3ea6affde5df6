#!/usr/bin/env bash
# Peak memory (max RSS, /usr/bin/time -v) of the extract-frames stage on a 6-minute video against a
# 30-second one, both generated here (640x360 30 fps H.264, moving test pattern with a cut), each in a
# fresh JVM with default settings (io.vidscore.tools.ExtractBench --once: the real stage over a directory
# bucket). Also the whole `score` run (JVM, all three stages) on the same two files.
# Target: 6 min / 30 s <= 1.5 (goal 1.2).
# Usage: bench/extract-memory.sh   (needs ffmpeg and GNU time)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v ffmpeg >/dev/null || { apt-get update -qq && apt-get install -y -qq ffmpeg >/dev/null; }
./mvnw -B -q -o package -DskipTests
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
make_clip() { # seconds, file
  local half; half=$(awk -v d="$1" 'BEGIN{print d/2}')
  ffmpeg -v error -f lavfi -i "testsrc2=size=640x360:rate=30:duration=$half" -f lavfi -i "mandelbrot=size=640x360:rate=30" \
    -filter_complex "[1:v]trim=duration=$half,setpts=PTS-STARTPTS,format=yuv420p[b];[0:v]format=yuv420p[a];[a][b]concat=n=2:v=1[v]" \
    -map "[v]" -c:v libx264 -preset ultrafast -pix_fmt yuv420p "$2"
}
make_clip 30 "$work/short.mp4"
make_clip 360 "$work/long.mp4"
peak_kb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}'; }
cp="target/classes:$(cat target/cp.txt)"
es=$(peak_kb java -cp "$cp" io.vidscore.tools.ExtractBench "$work/short.mp4" --once)
el=$(peak_kb java -cp "$cp" io.vidscore.tools.ExtractBench "$work/long.mp4" --once)
ss=$(peak_kb java -jar target/quarkus-app/quarkus-run.jar score "$work/short.mp4" --out "$work/o1" --no-progress)
sl=$(peak_kb java -jar target/quarkus-app/quarkus-run.jar score "$work/long.mp4" --out "$work/o2" --no-progress)
er=$(awk -v a="$el" -v b="$es" 'BEGIN{printf "%.2f", a/b}')
sr=$(awk -v a="$sl" -v b="$ss" 'BEGIN{printf "%.2f", a/b}')
printf 'extract stage peak RSS: 30 s %d MiB, 6 min %d MiB, ratio %sx (target <= 1.5x, goal 1.2x)\n' $((es/1024)) $((el/1024)) "$er"
printf 'whole score run peak RSS: 30 s %d MiB, 6 min %d MiB, ratio %sx\n' $((ss/1024)) $((sl/1024)) "$sr"
printf '| %s | %s | %d MiB | %d MiB | %sx | %d MiB | %d MiB | %sx |\n' "$(date -u +%Y-%m-%d)" "$(nproc) cores, $(java -version 2>&1 | head -1 | cut -d'"' -f2)" \
  $((es/1024)) $((el/1024)) "$er" $((ss/1024)) $((sl/1024)) "$sr" > "$work/row"
sed -i "/^<!-- memory rows above -->/e cat $work/row" bench/EXTRACT.md  # the row goes just above the marker
