package io.vidscore.music;

/** Requests shaped like the video analysis produces them. */
final class Requests {
    private Requests() {
    }

    /** A 0..1 motion envelope at 10 Hz that swells and settles over a 12-second cycle. */
    static float[] swellingEnergy(double durationS) {
        float[] energy = new float[(int) Math.ceil(durationS * 10)];
        for (int i = 0; i < energy.length; i++) {
            energy[i] = (float) (0.5 + 0.45 * Math.sin(2 * Math.PI * i / 10.0 / 12));
        }
        return energy;
    }

    static float[] constantEnergy(double durationS, double value) {
        float[] energy = new float[(int) Math.ceil(durationS * 10)];
        java.util.Arrays.fill(energy, (float) value);
        return energy;
    }

    static MusicRequest typical(double durationS, double bpm, long seed) {
        return new MusicRequest(durationS, bpm, 0.37, new double[] {5.3, 12.9}, swellingEnergy(durationS), 10,
                0.6, 0.2, 0.5, seed);
    }

    static MusicRequest mood(double brightness, double warmth, long seed) {
        return new MusicRequest(8, 110, 0.1, new double[0], constantEnergy(8, 0.5), 10, brightness, warmth, 0.5,
                seed);
    }
}
