package io.vidscore.music;

import io.vidscore.rhythm.Fft;

import io.vidscore.audio.PcmSink;

/**
 * Key finding for tests, after Krumhansl–Schmuckler: a chroma vector of the whole piece correlated with the
 * Krumhansl–Kessler profiles of the 24 major and minor keys, each profile extended by its notes' overtones
 * ({@link #withOvertones}, as Gómez and Essentia do for audio): a sounding G also sounds D (its third
 * harmonic), so plain symbolic profiles pull audio of any real instrument towards the dominant key.
 *
 * <p>The chroma is taken from spectral peaks standing out of their surroundings (the background subtraction of
 * Mauch and Dixon's NNLS chroma): every 16384 samples a 32768-sample Hann frame is reduced to one value per
 * semitone (the largest bin magnitude in it, in dB), the mean over the surrounding octave (±6 semitones) is
 * subtracted, and what stands out above it is added to the note's pitch class, for notes A1–D#7 (55 Hz–2.5 kHz).
 * Summing raw magnitudes instead let the drums decide the key: a kick's pitch sweep and any broadband noise
 * have a spectrum falling with frequency, which inside the lowest octave of the range (starting at A) reads
 * as a pitch-class slope A > Bb > B ...; the drums alone then ranked A minor first whatever the key, with
 * as much chroma mass as all the pitched parts together. Peaks above the local background are what a
 * listener hears as notes; a sloped or flat noise floor contributes nothing.
 */
final class Chroma {
    static final double[] MAJOR = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    static final double[] MINOR = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};
    static final String[] NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
    private static final int N = 32768;
    private static final int LOW_NOTE = 33;
    private static final int HIGH_NOTE = 99;
    private static final int HALF_OCTAVE = 6;
    private static final Fft FFT = new Fft(N);
    /** Harmonics per note in the key profiles and their decay: the defaults of Essentia's Key algorithm. */
    static final int HARMONICS = 4;
    static final double HARMONIC_DECAY = 0.6;

    private Chroma() {
    }

    static double[] chroma(float[] interleaved) {
        double[] chroma = new double[12];
        double[] re = new double[N];
        double[] im = new double[N];
        int frames = interleaved.length / 2;
        int[] noteOfBin = new int[N / 2];
        for (int k = 1; k < N / 2; k++) {
            double hz = k * (double) PcmSink.SAMPLE_RATE / N;
            noteOfBin[k] = (int) Math.round(12 * Math.log(hz / 440) / Math.log(2)) + 69;
        }
        int from = LOW_NOTE - HALF_OCTAVE;
        int to = HIGH_NOTE + HALF_OCTAVE;
        double[] peak = new double[to + 1];
        double[] db = new double[to + 1];
        for (int start = 0; start + N <= frames; start += N / 2) {
            for (int i = 0; i < N; i++) {
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / N);
                re[i] = w * 0.5 * (interleaved[2 * (start + i)] + interleaved[2 * (start + i) + 1]);
                im[i] = 0;
            }
            FFT.transform(re, im);
            java.util.Arrays.fill(peak, 0);
            for (int k = 1; k < N / 2; k++) {
                int note = noteOfBin[k];
                if (note >= from && note <= to) {
                    peak[note] = Math.max(peak[note], Math.hypot(re[k], im[k]));
                }
            }
            for (int n = from; n <= to; n++) {
                db[n] = 20 * Math.log10(peak[n] + 1e-9);
            }
            for (int n = LOW_NOTE; n <= HIGH_NOTE; n++) {
                double background = 0;
                for (int j = n - HALF_OCTAVE; j <= n + HALF_OCTAVE; j++) {
                    background += db[j];
                }
                background /= 2 * HALF_OCTAVE + 1;
                chroma[n % 12] += Math.max(0, db[n] - background);
            }
        }
        return chroma;
    }

    /** Keys ranked by correlation, best first, as names like "A minor". */
    static String[] rank(double[] chroma) {
        String[] names = new String[24];
        double[] scores = new double[24];
        for (int tonic = 0; tonic < 12; tonic++) {
            for (int m = 0; m < 2; m++) {
                double[] profile = withOvertones(m == 0 ? MAJOR : MINOR);
                double[] rotated = new double[12];
                for (int i = 0; i < 12; i++) {
                    rotated[(i + tonic) % 12] = profile[i];
                }
                int idx = tonic * 2 + m;
                names[idx] = NAMES[tonic] + (m == 0 ? " major" : " minor");
                scores[idx] = correlation(chroma, rotated);
            }
        }
        Integer[] order = new Integer[24];
        for (int i = 0; i < 24; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        String[] out = new String[24];
        for (int i = 0; i < 24; i++) {
            out[i] = names[order[i]];
        }
        return out;
    }

    /**
     * A key profile as audio sounds it: each pitch class's weight spread over its first
     * {@value #HARMONICS} harmonics, harmonic h with weight {@value #HARMONIC_DECAY}^(h−1) (Gómez 2006).
     */
    static double[] withOvertones(double[] profile) {
        double[] out = new double[12];
        for (int pc = 0; pc < 12; pc++) {
            for (int h = 1; h <= HARMONICS; h++) {
                int shift = (int) Math.round(12 * Math.log(h) / Math.log(2));
                out[(pc + shift) % 12] += profile[pc] * Math.pow(HARMONIC_DECAY, h - 1);
            }
        }
        return out;
    }

    static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < 12; i++) {
            ma += a[i] / 12;
            mb += b[i] / 12;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < 12; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb + 1e-30);
    }

    /** The relative major/minor of a key name ("A minor" ↔ "C major"), spelled with {@link #NAMES}. */
    static String relative(String key) {
        String[] parts = key.split(" ");
        int pc = java.util.Arrays.asList(NAMES).indexOf(parts[0]);
        return parts[1].equals("minor") ? NAMES[(pc + 3) % 12] + " major" : NAMES[(pc + 9) % 12] + " minor";
    }
}
