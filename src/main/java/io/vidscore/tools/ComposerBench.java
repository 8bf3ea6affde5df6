package io.vidscore.tools;

import io.vidscore.audio.PcmSink;
import io.vidscore.music.ComposerEngine;
import io.vidscore.music.MusicRequest;

/**
 * Render speed of the built-in composer: for each style, a 10-minute request (deterministic synthetic energy
 * envelope, scene cuts every 20 s) rendered on the calling thread into a sink that only counts frames, after
 * one short warm-up render; prints the real-time factor (audio seconds per wall-clock second).
 *
 * <p>Usage: {@code ComposerBench [durationS]} (default 600). See {@code bench/composer-speed.sh}.
 */
public final class ComposerBench {
    private ComposerBench() {
    }

    static MusicRequest request(String style, double durationS) {
        double rate = 10;
        float[] energy = new float[(int) Math.ceil(durationS * rate)];
        for (int i = 0; i < energy.length; i++) {
            double t = i / rate;
            // Slow swell over the piece, a 40 s wave and a fast 2.5 s ripple: every intensity tier is visited.
            energy[i] = (float) Math.max(0, Math.min(1, 0.45 + 0.25 * Math.sin(2 * Math.PI * t / durationS)
                    + 0.2 * Math.sin(2 * Math.PI * t / 40) + 0.08 * Math.sin(2 * Math.PI * t / 2.5)));
        }
        double[] cuts = new double[(int) (durationS / 20)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = 20.0 * (i + 1) - 0.3;
        }
        return new MusicRequest(durationS, 112, 0.21, cuts, energy, rate, 0.55, 0.1, 0.5, 42)
                .withOverrides(new MusicRequest.Overrides(style, null, null));
    }

    /** Counts frames, touches one sample per block so the work cannot be skipped. */
    static final class CountingSink implements PcmSink {
        long frames;
        double checksum;

        @Override
        public void write(float[] interleaved, int n) {
            frames += n;
            checksum += interleaved[0];
        }
    }

    public static void main(String[] args) {
        double durationS = args.length > 0 ? Double.parseDouble(args[0]) : 600;
        ComposerEngine engine = new ComposerEngine();
        System.out.printf("ComposerBench: %.0f s per style, one thread, Java %s, %d CPUs%n", durationS,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf("%-10s %10s %10s %8s%n", "style", "audio s", "wall s", "x RT");
        for (String style : ComposerEngine.STYLES) {
            engine.render(request(style, 30), new CountingSink()); // warm-up
            CountingSink sink = new CountingSink();
            long start = System.nanoTime();
            engine.render(request(style, durationS), sink);
            double wall = (System.nanoTime() - start) / 1e9;
            double audio = (double) sink.frames / PcmSink.SAMPLE_RATE;
            System.out.printf("%-10s %10.1f %10.2f %8.0f%n", style, audio, wall, audio / wall);
        }
    }
}
