package io.vidscore.music;

import io.vidscore.rhythm.Fft;

import io.vidscore.audio.PcmSink;

/**
 * Key finding for tests: a chroma vector (magnitude spectrum of 32768-sample Hann frames, 55 Hz–2.5 kHz,
 * folded onto the 12 pitch classes and summed over the piece) correlated with the Krumhansl–Kessler key
 * profiles of the 24 major and minor keys. Each bin counts as a share of its semitone (divided by the
 * number of bins that semitone has), so white noise — drums — gives a flat chroma rather than favouring
 * the pitch classes that happen to get more bins in the low octaves.
 */
final class Chroma {
    static final double[] MAJOR = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    static final double[] MINOR = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};
    static final String[] NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
    private static final int N = 32768;
    private static final Fft FFT = new Fft(N);

    private Chroma() {
    }

    static double[] chroma(float[] interleaved) {
        double[] chroma = new double[12];
        double[] re = new double[N];
        double[] im = new double[N];
        int frames = interleaved.length / 2;
        int[] pcOfBin = new int[N / 2];
        int[] noteOfBin = new int[N / 2];
        int[] binsOfNote = new int[128];
        for (int k = 0; k < N / 2; k++) {
            double hz = k * (double) PcmSink.SAMPLE_RATE / N;
            int note = hz < 53 || hz > 2500 ? -1 : (int) Math.round(12 * Math.log(hz / 440) / Math.log(2)) + 69;
            noteOfBin[k] = note;
            pcOfBin[k] = note < 0 ? -1 : note % 12;
            if (note >= 0) {
                binsOfNote[note]++;
            }
        }
        for (int start = 0; start + N <= frames; start += N) {
            for (int i = 0; i < N; i++) {
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / N);
                re[i] = w * 0.5 * (interleaved[2 * (start + i)] + interleaved[2 * (start + i) + 1]);
                im[i] = 0;
            }
            FFT.transform(re, im);
            for (int k = 0; k < N / 2; k++) {
                if (pcOfBin[k] >= 0) {
                    chroma[pcOfBin[k]] += Math.hypot(re[k], im[k]) / binsOfNote[noteOfBin[k]];
                }
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
                double[] profile = m == 0 ? MAJOR : MINOR;
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
