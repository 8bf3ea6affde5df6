package io.vidscore.rhythm;

import io.vidscore.audio.MonoRecording;
import io.vidscore.audio.MonoSink;
import io.vidscore.audio.MonoSource;
import io.vidscore.audio.PcmSink;
import io.vidscore.audio.Resampler;

/**
 * Aligns generated audio to the video's beat grid: detect the audio's beats, then time-stretch it by a small
 * ratio (at most ±{@value #MAX_STRETCH_PERCENT} %) so its tempo becomes the grid's (or its double or half), and
 * shift it so its beats fall on the grid's.
 *
 * <p>The stretch is a vari-speed: band-limited resampling to {@code 48 kHz · ratio}, played at 48 kHz. It moves
 * the pitch with the tempo (at most ±1.3 semitones, as a DJ's pitch fader does) but has none of the phasing
 * artefacts of overlap-add stretching — a neural engine's audio has no other track it must stay in tune with.
 * The shift only ever drops audio at the start (the caller generates {@link #headroomS} more than needed), so
 * the result starts with music, not silence. The shift is the one, on a 5 ms grid over one beat period, that
 * gives the best beat F-measure against the grid, ties broken by the smallest mean offset.
 *
 * <p>Before and after are both measured with the same {@link AudioOnsetTracker} on the real audio, not predicted.
 *
 * <p>Streams: the audio is read twice from a {@link MonoRecording} (a spool on disk for long pieces) — once
 * resampled to 48 kHz for its beats, once through the vari-speed resampler to the output — and only the
 * resamplers' windows and the trackers' envelopes are held, whatever the length.
 */
public final class BeatAligner {
    public static final double MAX_STRETCH_PERCENT = 8;
    static final double TOLERANCE_S = 0.07;
    private static final double SHIFT_STEP_S = 0.005;
    private static final double[] TEMPO_MULTIPLES = {1, 2, 0.5};
    private static final int BLOCK = 4800;

    /**
     * @param stretch    output duration / input duration (1 = none)
     * @param shiftS     seconds dropped from the start of the stretched audio
     * @param musicBpm   tempo detected in the generated audio (0 when it has no beat)
     * @param fBefore    beat F-measure (±70 ms) of the unaligned audio against the grid
     * @param fAfter     the same measured on the aligned audio
     * @param gridBeatsS the grid's beats inside [0, duration)
     */
    public record Result(double stretch, double shiftS, double musicBpm, double fBefore, double fAfter,
                         double[] gridBeatsS) {
    }

    private BeatAligner() {
    }

    /** Extra seconds of audio the aligner may consume: the largest stretch-down and one beat period of shift. */
    public static double headroomS(double durationS, double gridBpm) {
        return durationS * MAX_STRETCH_PERCENT / (100 - MAX_STRETCH_PERCENT) + 60 / gridBpm + 0.1;
    }

    /** The grid's beats inside [0, durationS): every beat period from the origin, both ways. */
    public static double[] grid(double durationS, double bpm, double originS) {
        double period = 60 / bpm;
        double first = originS - Math.floor(originS / period) * period;
        int n = Math.max(0, (int) Math.ceil((durationS - first) / period));
        double[] beats = new double[n];
        for (int i = 0; i < n; i++) {
            beats[i] = first + i * period;
        }
        return beats;
    }

    /**
     * Writes the aligned audio to {@code out}: 48 kHz mono, exactly {@code round(durationS · 48000)} samples.
     *
     * @param audio     generated audio (at least {@code durationS + headroomS} long for a full shift and stretch)
     * @param rate      its sample rate
     * @param durationS the length wanted
     * @param gridBpm   the video's tempo
     * @param originS   one beat of the video's grid
     */
    public static Result align(MonoRecording audio, int rate, double durationS, double gridBpm, double originS, MonoSink out) {
        long outLength = Math.round(durationS * PcmSink.SAMPLE_RATE);
        double[] gridBeats = grid(durationS, gridBpm, originS);
        Resampler plain = new Resampler(rate, PcmSink.SAMPLE_RATE);
        AudioOnsetTracker before = new AudioOnsetTracker();
        try (MonoSource in = plain.stream(audio.open(), audio.length())) {
            copy(in, 0, Long.MAX_VALUE, null, before);
        }
        double[] musicBeats = before.beats();
        double musicBpm = musicBeats.length > 1 ? before.tempo().bpm() : 0;
        double fBefore = BeatMetrics.fMeasure(gridBeats, within(musicBeats, durationS), TOLERANCE_S);
        if (musicBeats.length < 2 || gridBeats.length == 0) {
            try (MonoSource in = plain.stream(audio.open(), audio.length())) {
                copy(in, 0, outLength, out, null);
            }
            return new Result(1, 0, musicBpm, fBefore, fBefore, gridBeats);
        }
        double stretch = stretchFor(musicBpm, gridBpm);
        double[] stretched = new double[musicBeats.length];
        for (int i = 0; i < stretched.length; i++) {
            stretched[i] = musicBeats[i] * stretch;
        }
        double shift = bestShift(stretched, gridBeats, durationS, 60 / gridBpm);
        AudioOnsetTracker after = new AudioOnsetTracker();
        Resampler varispeed = new Resampler(rate, PcmSink.SAMPLE_RATE * stretch);
        try (MonoSource in = varispeed.stream(audio.open(), audio.length())) {
            copy(in, Math.round(shift * PcmSink.SAMPLE_RATE), outLength, out, after);
        }
        double fAfter = BeatMetrics.fMeasure(gridBeats, within(after.beats(), durationS), TOLERANCE_S);
        return new Result(stretch, shift, musicBpm, fBefore, fAfter, gridBeats);
    }

    /** The ratio closest to 1 that turns the music's tempo into the grid's, its double or its half; 1 if none is small. */
    static double stretchFor(double musicBpm, double gridBpm) {
        double best = 1;
        double bestLog = Double.POSITIVE_INFINITY;
        for (double m : TEMPO_MULTIPLES) {
            double ratio = musicBpm / (gridBpm * m);
            double log = Math.abs(Math.log(ratio));
            if (log < bestLog) {
                bestLog = log;
                best = ratio;
            }
        }
        return Math.abs(best - 1) * 100 <= MAX_STRETCH_PERCENT ? best : 1;
    }

    private static double bestShift(double[] beats, double[] grid, double durationS, double period) {
        double best = 0;
        double bestF = -1;
        double bestOffset = Double.POSITIVE_INFINITY;
        for (double shift = 0; shift < period; shift += SHIFT_STEP_S) {
            double[] moved = new double[beats.length];
            for (int i = 0; i < beats.length; i++) {
                moved[i] = beats[i] - shift;
            }
            double[] inside = within(moved, durationS);
            double f = BeatMetrics.fMeasure(grid, inside, TOLERANCE_S);
            double offset = Math.abs(BeatMetrics.meanOffsetS(grid, inside, TOLERANCE_S));
            if (f > bestF + 1e-9 || Math.abs(f - bestF) <= 1e-9 && offset < bestOffset) {
                best = shift;
                bestF = f;
                bestOffset = offset;
            }
        }
        return best;
    }

    private static double[] within(double[] beats, double durationS) {
        return java.util.Arrays.stream(beats).filter(b -> b >= 0 && b < durationS).toArray();
    }

    /**
     * Skips {@code skip} samples of {@code in}, then hands {@code length} samples (zeros once it runs out; with
     * {@code Long.MAX_VALUE}, as many as it has) to {@code out} and to {@code tracker} (closed at the end), in
     * 4800-sample blocks from the first.
     */
    private static void copy(MonoSource in, long skip, long length, MonoSink out, AudioOnsetTracker tracker) {
        float[] block = new float[BLOCK];
        float[] stereo = new float[2 * BLOCK];
        for (long left = skip; left > 0; ) {
            int got = in.read(block, 0, (int) Math.min(BLOCK, left));
            if (got == 0) {
                break;
            }
            left -= got;
        }
        boolean ended = false;
        for (long done = 0; done < length; ) {
            int want = (int) Math.min(BLOCK, length - done);
            int n = 0;
            while (n < want && !ended) {
                int got = in.read(block, n, want - n);
                ended = got == 0;
                n += got;
            }
            if (ended && length == Long.MAX_VALUE && n == 0) {
                break;
            }
            if (length != Long.MAX_VALUE) {
                java.util.Arrays.fill(block, n, want, 0f);
                n = want;
            }
            if (out != null) {
                out.write(block, 0, n);
            }
            if (tracker != null) {
                for (int i = 0; i < n; i++) {
                    stereo[2 * i] = block[i];
                    stereo[2 * i + 1] = block[i];
                }
                tracker.write(stereo, n);
            }
            done += n;
            if (ended && length == Long.MAX_VALUE) {
                break;
            }
        }
        if (tracker != null) {
            tracker.close();
        }
    }
}
