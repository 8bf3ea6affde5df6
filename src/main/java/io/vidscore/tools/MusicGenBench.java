package io.vidscore.tools;

import io.vidscore.neural.Device;
import io.vidscore.neural.ModelFolder;
import io.vidscore.neural.musicgen.GenerationSettings;
import io.vidscore.neural.musicgen.MusicGenModels;
import io.vidscore.neural.musicgen.MusicGenerator;

/**
 * MusicGen decoder speed: generates {@code seconds} of audio (50 decoder steps per second, top-k 250, guidance
 * 3.0, batch 2 for the guidance halves) after one short warm-up, and prints decoder steps per second measured
 * between the first and the last step of each run (so the text encoder and EnCodec are not counted), plus the
 * whole generation's real-time factor.
 *
 * <p>Usage: {@code MusicGenBench [modelsDir=models/fixtures] [seconds=10] [device=cpu] [runs=3]}.
 * See {@code bench/musicgen-steps.sh}.
 */
public final class MusicGenBench {
    private MusicGenBench() {
    }

    public static void main(String[] args) {
        String dir = args.length > 0 ? args[0] : "models/fixtures";
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        Device device = Device.parse(args.length > 2 ? args[2] : "cpu");
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        try (MusicGenModels models = MusicGenModels.open(new ModelFolder(java.nio.file.Path.of(dir)), device)) {
            System.out.printf("models %s on %s: %d layers, %d heads x %d%n", dir, models.device(), models.layers(),
                    models.heads(), models.headDim());
            MusicGenerator gen = new MusicGenerator(models, GenerationSettings.DEFAULT);
            run(gen, 1.0, 0); // warm-up
            for (int r = 1; r <= runs; r++) {
                run(gen, seconds, r);
            }
        }
    }

    private static void run(MusicGenerator gen, double seconds, int run) {
        int frames = (int) Math.round(seconds * 50);
        long[] first = {0};
        long[] last = {0};
        int[] steps = {0};
        long t0 = System.nanoTime();
        gen.generate(frames, f -> "upbeat electronic music with drums, 120 bpm", run, (fraction, detail) -> {
            long now = System.nanoTime();
            if (first[0] == 0) {
                first[0] = now;
            }
            last[0] = now;
            steps[0]++;
        }, (samples, off, len) -> { }); // the audio itself is not wanted here
        double total = (System.nanoTime() - t0) / 1e9;
        if (run > 0) {
            double loop = (last[0] - first[0]) / 1e9;
            System.out.printf("run %d: %d steps, decoder %.1f steps/s (%.2f ms/step), %.1f s of audio in %.2f s (%.2fx real time)%n",
                    run, steps[0], (steps[0] - 1) / loop, 1000 * loop / (steps[0] - 1), seconds, total, seconds / total);
        }
    }
}
