package io.vidscore.audio;

import java.util.Arrays;

/**
 * Measures a stereo render the way ITU-R BS.1770-4 / EBU R128 define it: integrated loudness
 * (LUFS), true peak (dBTP), sample peak (dBFS) and loudness range (LU, EBU Tech 3342).
 *
 * <p>Signal path per channel: K-weighting (high shelf + RLB high-pass), squared and summed over
 * the two channels with weight 1.0 each (BS.1770 weights L and R by 1.0; a mono file fed as
 * duplicated stereo therefore reads 3.01 LU louder than the mono file measured as one channel).
 * Energy is accumulated in 100 ms sub-blocks; every 100 ms the last four form a 400 ms gating
 * block (75 % overlap) and the last thirty a 3 s short-term block. Only one number per block is
 * kept, so memory grows by 16 bytes per 100 ms of audio and the samples themselves are never
 * held. A trailing partial sub-block does not count, as in BS.1770 and ffmpeg.
 *
 * <p>Gating (BS.1770-4 section 2.8): blocks at or below -70 LUFS are dropped (absolute gate),
 * then blocks at or below 10 LU under the loudness of the remaining ones (relative gate); the
 * integrated loudness is the loudness of the mean energy of what is left.
 *
 * <p>Values can be read at any time; {@link #close()} additionally flushes the true-peak
 * interpolator so that overshoot ringing just after the last sample is counted, as ffmpeg does.
 */
public final class LoudnessMeter implements PcmSink {
    /** BS.1770: loudness = -0.691 + 10 log10(sum of channel mean squares). */
    private static final double LOUDNESS_OFFSET = -0.691;
    private static final double ABSOLUTE_GATE_LUFS = -70.0;
    private static final double RELATIVE_GATE_LU = -10.0;
    /** EBU Tech 3342: short-term values more than 20 LU under their mean do not count towards LRA. */
    private static final double LRA_RELATIVE_GATE_LU = -20.0;
    private static final double LRA_LOW_PERCENTILE = 0.10;
    private static final double LRA_HIGH_PERCENTILE = 0.95;

    private static final int SUB_BLOCK_FRAMES = SAMPLE_RATE / 10;
    private static final int GATING_SUB_BLOCKS = 4;   // 400 ms
    private static final int SHORT_TERM_SUB_BLOCKS = 30; // 3 s

    private final KWeighting weightLeft = new KWeighting();
    private final KWeighting weightRight = new KWeighting();
    private final TruePeakOversampler peakLeft = new TruePeakOversampler();
    private final TruePeakOversampler peakRight = new TruePeakOversampler();

    private double subBlockEnergy;
    private int subBlockFill;
    /** Energies of the last 30 sub-blocks, a ring indexed by subBlocks % 30. */
    private final double[] recentSubBlocks = new double[SHORT_TERM_SUB_BLOCKS];
    private long subBlocks;
    private final DoubleLog gatingBlockPowers = new DoubleLog();
    private final DoubleLog shortTermPowers = new DoubleLog();

    private double samplePeak;
    private double truePeak;
    private long frames;
    private boolean closed;

    @Override
    public void write(float[] interleaved, int frames) {
        if (closed) {
            throw new IllegalStateException("LoudnessMeter is closed");
        }
        if (frames < 0 || 2L * frames > interleaved.length) {
            throw new IllegalArgumentException(frames + " frames do not fit a buffer of " + interleaved.length);
        }
        double sp = samplePeak, tp = truePeak, energy = subBlockEnergy;
        int fill = subBlockFill;
        for (int i = 0, end = 2 * frames; i < end; i += 2) {
            double l = interleaved[i], r = interleaved[i + 1];
            sp = Math.max(sp, Math.max(Math.abs(l), Math.abs(r)));
            tp = Math.max(tp, Math.max(peakLeft.next(l), peakRight.next(r)));
            double kl = weightLeft.process(l), kr = weightRight.process(r);
            energy += kl * kl + kr * kr;
            if (++fill == SUB_BLOCK_FRAMES) {
                completeSubBlock(energy);
                energy = 0;
                fill = 0;
            }
        }
        samplePeak = sp;
        truePeak = tp;
        subBlockEnergy = energy;
        subBlockFill = fill;
        this.frames += frames;
        weightLeft.flushDenormals();
        weightRight.flushDenormals();
    }

    private void completeSubBlock(double energy) {
        recentSubBlocks[(int) (subBlocks % SHORT_TERM_SUB_BLOCKS)] = energy;
        subBlocks++;
        if (subBlocks >= GATING_SUB_BLOCKS) {
            gatingBlockPowers.add(sumOfLast(GATING_SUB_BLOCKS) / (GATING_SUB_BLOCKS * SUB_BLOCK_FRAMES));
        }
        if (subBlocks >= SHORT_TERM_SUB_BLOCKS) {
            shortTermPowers.add(sumOfLast(SHORT_TERM_SUB_BLOCKS) / (SHORT_TERM_SUB_BLOCKS * SUB_BLOCK_FRAMES));
        }
    }

    private double sumOfLast(int n) {
        double sum = 0;
        for (long b = subBlocks - n; b < subBlocks; b++) {
            sum += recentSubBlocks[(int) (b % SHORT_TERM_SUB_BLOCKS)];
        }
        return sum;
    }

    /** Counts the interpolator's ringing after the last sample (as if the signal were followed by silence); idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        double tp = truePeak;
        for (int i = 0; i < TruePeakOversampler.DELAY; i++) {
            tp = Math.max(tp, Math.max(peakLeft.next(0), peakRight.next(0)));
        }
        truePeak = tp;
    }

    /**
     * Gated integrated loudness in LUFS. {@link Double#NEGATIVE_INFINITY} when no 400 ms block
     * passes the -70 LUFS absolute gate: digital silence, or less than 400 ms of audio. (ffmpeg
     * prints -70.0 there; -Infinity keeps "nothing to measure" distinguishable from a quiet but
     * real -69.9. {@link Mastering#gainFor} treats it as "leave the level alone".)
     */
    public double integratedLufs() {
        double absoluteGate = power(ABSOLUTE_GATE_LUFS);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < gatingBlockPowers.size(); i++) {
            double p = gatingBlockPowers.get(i);
            if (p > absoluteGate) {
                sum += p;
                n++;
            }
        }
        if (n == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double relativeGate = power(lufs(sum / n) + RELATIVE_GATE_LU);
        double gate = Math.max(absoluteGate, relativeGate);
        double kept = 0;
        int m = 0;
        for (int i = 0; i < gatingBlockPowers.size(); i++) {
            double p = gatingBlockPowers.get(i);
            if (p > gate) {
                kept += p;
                m++;
            }
        }
        return lufs(kept / m); // m >= 1: the loudest block always clears a gate 10 LU under the mean
    }

    /**
     * Loudness range in LU after EBU Tech 3342: the spread between the 10th and 95th percentiles
     * of the 3 s short-term loudness (sampled every 100 ms), after an absolute gate at -70 LUFS
     * and a relative gate 20 LU under the mean. 0 when fewer than two short-term values pass
     * (under ~3.1 s of audio, or silence).
     */
    public double loudnessRangeLu() {
        double absoluteGate = power(ABSOLUTE_GATE_LUFS);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < shortTermPowers.size(); i++) {
            double p = shortTermPowers.get(i);
            if (p > absoluteGate) {
                sum += p;
                n++;
            }
        }
        if (n < 2) {
            return 0.0;
        }
        double gate = Math.max(absoluteGate, power(lufs(sum / n) + LRA_RELATIVE_GATE_LU));
        double[] kept = new double[n]; // one allocation per query, O(blocks): fine off the sample path
        int m = 0;
        for (int i = 0; i < shortTermPowers.size(); i++) {
            double p = shortTermPowers.get(i);
            if (p > gate) {
                kept[m++] = p;
            }
        }
        if (m < 2) {
            return 0.0;
        }
        Arrays.sort(kept, 0, m);
        // Tech 3342's reference: nearest rank, index round((m - 1) * percentile).
        double low = kept[(int) Math.round((m - 1) * LRA_LOW_PERCENTILE)];
        double high = kept[(int) Math.round((m - 1) * LRA_HIGH_PERCENTILE)];
        return lufs(high) - lufs(low);
    }

    /** Largest 4x-oversampled magnitude over both channels, in dBTP; -Infinity for digital silence. */
    public double truePeakDbtp() {
        return 20 * Math.log10(truePeak);
    }

    /** Largest sample magnitude over both channels, in dBFS; -Infinity for digital silence. */
    public double samplePeakDbfs() {
        return 20 * Math.log10(samplePeak);
    }

    /** Stereo frames measured so far. */
    public long frames() {
        return frames;
    }

    private static double lufs(double power) {
        return LOUDNESS_OFFSET + 10 * Math.log10(power);
    }

    private static double power(double lufs) {
        return Math.pow(10, (lufs - LOUDNESS_OFFSET) / 10);
    }
}
