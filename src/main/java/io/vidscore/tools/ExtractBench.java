package io.vidscore.tools;

import io.vidscore.events.ObjectCreated;
import io.vidscore.pipeline.BucketLayout;
import io.vidscore.pipeline.ChainSettings;
import io.vidscore.pipeline.ExtractFramesStage;
import io.vidscore.pipeline.Progress;
import io.vidscore.pipeline.StageOutcome;
import io.vidscore.store.DirectoryObjectStore;
import io.vidscore.store.ObjectInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs only the extract-frames stage on a file, in-process: the real stage over a directory bucket
 * (decode, analysis, frame chunks, manifest), without JVM start or the other stages. One untimed warm-up
 * run lets the JIT compile the per-frame loops; then each timed run gets a fresh bucket so it is a new job.
 * Prints one line per run and the median, in seconds, for bench/extract-throughput.sh; with
 * {@code --once} it runs a single untimed pass, for peak-memory measurements (bench/extract-memory.sh).
 *
 * <p>Usage: {@code ExtractBench <video> [runs] [--once]}
 */
public final class ExtractBench {
    private ExtractBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ExtractBench <video> [runs] [--once]");
            System.exit(2);
        }
        Path video = Path.of(args[0]);
        boolean once = Arrays.asList(args).contains("--once");
        int runs = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 3;
        if (once) {
            double s = extract(video);
            System.out.printf(Locale.ROOT, "extract %.3f s%n", s);
            return;
        }
        extract(video); // warm-up
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            times[i] = extract(video);
            System.out.printf(Locale.ROOT, "run %d: %.3f s%n", i + 1, times[i]);
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "median %.3f%n", times[runs / 2]);
    }

    /** One extract-frames job on a fresh bucket; returns its wall time in seconds. */
    static double extract(Path video) throws IOException {
        Path bucket = Files.createTempDirectory("extract-bench-");
        try {
            DirectoryObjectStore store = new DirectoryObjectStore(bucket, "bench");
            String key = BucketLayout.incoming(video.getFileName().toString());
            Path target = bucket.resolve(key);
            Files.createDirectories(target.getParent());
            Files.createSymbolicLink(target, video.toAbsolutePath());
            ObjectInfo info = store.head(key).orElseThrow();
            long t0 = System.nanoTime();
            StageOutcome outcome = new ExtractFramesStage(store, ChainSettings.DEFAULT, Progress.NONE)
                    .handle(new ObjectCreated(store.bucket(), key, info.size(), info.etag(), null, null));
            double s = (System.nanoTime() - t0) / 1e9;
            if (!StageOutcome.DONE.equals(outcome.status())) {
                throw new IllegalStateException("extract did not finish: " + outcome);
            }
            return s;
        } finally {
            try (Stream<Path> walk = Files.walk(bucket)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

}
