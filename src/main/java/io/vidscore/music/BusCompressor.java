package io.vidscore.music;

/**
 * A stereo-linked feed-forward bus compressor: an RMS detector (the mean square of both channels after a
 * one-pole low-pass, smoothed
 * with separate attack and release time constants), a soft-knee gain computer in dB (Giannoulis, Massberg
 * and Reiss, "Digital Dynamic Range Compressor Design", JAES 2012) evaluated every {@value #CONTROL_INTERVAL}
 * frames, and a fixed make-up gain. Deterministic,
 * no allocation while processing.
 */
final class BusCompressor {
    private final double thresholdDb;
    private final double ratio;
    private final double kneeDb;
    private final double makeupDb;
    private final double attack;
    private final double release;
    private final double sidechain;
    private double lowLeft;
    private double lowRight;
    /** Smoothed mean square of the detector input. */
    private double meanSquare;
    private double gainReductionDb;
    private double linearGain = 1;
    private int sinceUpdate = CONTROL_INTERVAL - 1;
    /** The gain computer runs every this many frames (0.33 ms); the detector runs every frame. */
    static final int CONTROL_INTERVAL = 16;

    /**
     * @param thresholdDb RMS level (dBFS) where compression begins (centre of the knee)
     * @param ratio       input/output slope above the knee (2: 2:1)
     * @param kneeDb      width of the soft knee in dB
     * @param attackS     time constant of the detector when the level rises
     * @param releaseS    time constant of the detector when the level falls
     * @param makeupDb    gain added after compression
     * @param detectorHz  corner of the one-pole low-pass the detector listens through
     */
    BusCompressor(double thresholdDb, double ratio, double kneeDb, double attackS, double releaseS, double makeupDb,
                  double detectorHz, double sampleRate) {
        this.sidechain = 1 - Math.exp(-2 * Math.PI * detectorHz / sampleRate);
        this.thresholdDb = thresholdDb;
        this.ratio = ratio;
        this.kneeDb = kneeDb;
        this.makeupDb = makeupDb;
        this.attack = 1 - Math.exp(-1 / (attackS * sampleRate));
        this.release = 1 - Math.exp(-1 / (releaseS * sampleRate));
    }

    /** Static curve: gain change in dB (≤ 0) for an input level in dB. */
    double gainDb(double levelDb) {
        double over = levelDb - thresholdDb;
        double slope = 1 / ratio - 1;
        if (2 * over < -kneeDb) {
            return 0;
        }
        if (2 * over > kneeDb) {
            return slope * over;
        }
        double k = over + kneeDb / 2;
        return slope * k * k / (2 * kneeDb);
    }

    /**
     * Feeds one stereo frame to the detector and returns the linear gain (make-up included) to apply to it.
     */
    double gain(double l, double r) {
        lowLeft += sidechain * (l - lowLeft);
        lowRight += sidechain * (r - lowRight);
        double ms = 0.5 * (lowLeft * lowLeft + lowRight * lowRight);
        meanSquare += (ms > meanSquare ? attack : release) * (ms - meanSquare);
        if (++sinceUpdate == CONTROL_INTERVAL) { // log and pow at control rate: a sixteenth of the cost
            sinceUpdate = 0;
            double levelDb = 10 * Math.log10(meanSquare + 1e-20);
            gainReductionDb = gainDb(levelDb);
            linearGain = Math.pow(10, (gainReductionDb + makeupDb) / 20);
        }
        return linearGain;
    }

    /** The last gain reduction in dB (≤ 0), for tests and meters. */
    double gainReductionDb() {
        return gainReductionDb;
    }
}
