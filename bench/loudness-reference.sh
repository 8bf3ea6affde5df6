#!/usr/bin/env bash
# Regenerates the loudness test vectors and ffmpeg's reference measurements for
# io.vidscore.audio.LoudnessMeterReferenceTest.
#
# The WAVs are committed so that the Java tests never need ffmpeg; this script is the
# recipe that made them (ffmpeg lavfi sources only, nothing Java-side) and the numbers in
# reference.csv are what ffmpeg's ebur128 filter (BS.1770-4 / EBU R128) reads from exactly
# those 16-bit files.
#
# Why metadata and not only the summary: the summary prints one decimal, too coarse to check
# a +-0.1 LU agreement, so integrated loudness and LRA come from the filter's per-frame
# metadata (three decimals; the last frame carries the final values). True peak comes from
# the summary in dBTP (one decimal, +-0.05 dB), because the metadata prints true peak as a
# linear value with three decimals, which is coarser than that at low levels.
#
# Mono files: the Java test duplicates mono to stereo (the meter's port is stereo), and
# BS.1770 sums channel powers with weight 1.0 each, so duplicated mono reads 3.01 LU louder
# than ffmpeg reading the mono file itself. The reference is therefore measured on the same
# duplicated-stereo signal (pan=stereo|c0=c0|c1=c0), so the CSV needs no correction.
#
# Usage: bench/loudness-reference.sh   (from the repository root; needs ffmpeg on PATH)
set -euo pipefail

out=src/test/resources/loudness
mkdir -p "$out"
rate=48000

gen() { # name, lavfi graph (already at $rate), extra output options...
    local name=$1 graph=$2
    shift 2
    ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i "$graph" \
        -bitexact -map_metadata -1 -ar $rate -c:a pcm_s16le "$@" "$out/$name.wav"
}

# 1 kHz sine, -20 dBFS peak, both channels: the classic calibration tone (K-weighting ~0 dB here).
gen sine1k_m20 "aevalsrc=0.1*sin(2*PI*1000*t)|0.1*sin(2*PI*1000*t):s=$rate:d=1.5"

# Pink noise, independent seeds per channel, different levels L/R: broadband, decorrelated.
gen pink_stereo "anoisesrc=color=pink:seed=1:amplitude=0.3:r=$rate:d=3[l];anoisesrc=color=pink:seed=2:amplitude=0.2:r=$rate:d=3[r];[l][r]join=inputs=2:channel_layout=stereo"

# 100 Hz + 5 kHz: low end (K-weighting high-pass, -0.5 dB-ish) and the +4 dB shelf region.
gen mix_100_5k "aevalsrc=0.4*sin(2*PI*100*t)+0.1*sin(2*PI*5000*t)|0.3*sin(2*PI*100*t+1)+0.15*sin(2*PI*5000*t):s=$rate:d=2"

# Gating and LRA: 3 s loud pink, 3 s 40 dB quieter (below the relative gate), 1.5 s of
# digital silence (below the absolute gate), 2.5 s medium. Mono to keep the file small.
gen gating_mono "anoisesrc=color=pink:seed=3:amplitude=0.5:r=$rate:d=10,volume='if(lt(t,3),1,if(lt(t,6),0.01,if(lt(t,7.5),0,0.2)))':eval=frame" -ac 1

# LRA: pink noise whose level climbs linearly in dB from -40 to -10 dBFS over 6 s, so the
# short-term loudness sweeps ~30 LU and the 10th..95th percentile spread is well defined.
gen ramp_mono "anoisesrc=color=pink:seed=4:amplitude=1:r=$rate:d=6,volume='pow(10,(-40+5*t)/20)':eval=frame" -ac 1

# Inter-sample peaks: 12 kHz = fs/4 sampled 45 degrees off its crests, so every sample is
# +-0.99 (about -0.09 dBFS) while the waveform between samples reaches 0.99*sqrt(2) = +2.92 dBTP.
# 50 ms fades: an abrupt start/stop of a full-scale tone makes every interpolator ring
# differently (Gibbs), and the test is about the steady-state overshoot, not filter tails.
gen isp_12k "aevalsrc=1.4*sin(2*PI*12000*t+PI/4)|1.4*sin(2*PI*12000*t+3*PI/4):s=$rate:d=0.5,afade=t=in:d=0.05,afade=t=out:st=0.45:d=0.05"

csv="$out/reference.csv"
echo "file,integrated_lufs,true_peak_dbtp,lra_lu" > "$csv"
for f in sine1k_m20 pink_stereo mix_100_5k gating_mono ramp_mono isp_12k; do
    wav="$out/$f.wav"
    chans=$(ffprobe -v error -select_streams a:0 -show_entries stream=channels -of csv=p=0 "$wav")
    pre=""
    if [ "$chans" = 1 ]; then pre="pan=stereo|c0=c0|c1=c0,"; fi
    meta=$(mktemp)
    log=$(ffmpeg -nostdin -nostats -hide_banner -i "$wav" \
        -af "${pre}ebur128=peak=true:metadata=1,ametadata=print:file=$meta" -f null - 2>&1)
    i=$(grep '^lavfi.r128.I=' "$meta" | tail -1 | cut -d= -f2)
    lra=$(grep '^lavfi.r128.LRA=' "$meta" | tail -1 | cut -d= -f2)
    tp=$(printf '%s\n' "$log" | awk '/True peak:/{t=1} t && /Peak:/{print $2; exit}')
    rm -f "$meta"
    # LRA needs many 3 s short-term windows; on a file under 5 s ffmpeg's percentile code
    # falls back to the gate threshold (LRA reads 20 LU for steady noise), so leave it blank.
    dur=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$wav")
    if awk "BEGIN{exit !($dur < 5)}"; then lra=""; fi
    echo "$f.wav,$i,$tp,$lra" >> "$csv"
done
cat "$csv"
