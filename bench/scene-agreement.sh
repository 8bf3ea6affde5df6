#!/usr/bin/env bash
# Our hard cuts against ffmpeg's scene detector (select='gt(scene,0.4)') on real footage: every clip in
# ../shared/media, plus a montage of 2 s from each of them (cuts at 2, 4, 6, 8 s) that this script makes
# with ffmpeg, because the clips themselves are single shots.
# Needs the ffmpeg and ffprobe command-line tools (the application itself does not).
# Usage: bench/scene-agreement.sh [media folder, default ../shared/media]
set -euo pipefail
cd "$(dirname "$0")/.."
media="${1:-../shared/media}"
./mvnw -q -o compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
mkdir -p target/scene-agreement
montage=target/scene-agreement/real-montage-cuts-2-4-6-8.mp4
inputs=(); filters=""; i=0
for f in "$media"/*.mp4; do
  inputs+=(-ss 1 -t 2 -i "$f")
  filters+="[$i:v]scale=640:360:force_original_aspect_ratio=decrease,pad=640:360:(ow-iw)/2:(oh-ih)/2,fps=25,setsar=1,format=yuv420p[v$i];"
  i=$((i + 1))
done
concat=""; for ((k = 0; k < i; k++)); do concat+="[v$k]"; done
ffmpeg -y -v error "${inputs[@]}" -filter_complex "${filters}${concat}concat=n=$i:v=1:a=0[out]" -map "[out]" -c:v libx264 -crf 20 "$montage" 2>/dev/null \
  || ffmpeg -y -v error "${inputs[@]}" -filter_complex "${filters}${concat}concat=n=$i:v=1:a=0[out]" -map "[out]" -c:v mpeg4 -q:v 3 "$montage"
exec java -cp "target/classes:$(cat target/cp.txt)" io.vidscore.tools.SceneAgreement "$media" "$montage"
