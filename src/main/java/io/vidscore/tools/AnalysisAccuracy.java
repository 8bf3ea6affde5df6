package io.vidscore.tools;

import io.vidscore.analysis.VisualAnalysis;
import io.vidscore.media.SyntheticVideo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The visual-analysis accuracy benchmark: generates the {@link TruthClips} set, analyses every clip as
 * the extract stage does, and prints one row per clip plus the totals the requirements are stated in.
 * With {@code --write FILE} the table also replaces the generated section of that markdown file.
 *
 * <pre>bench/analysis-accuracy.sh [--write bench/ANALYSIS.md] [--keep DIR] [--codec mpeg4|h264] [--seed N]</pre>
 */
public final class AnalysisAccuracy {
    static final String START = "<!-- accuracy-table:start -->";
    static final String END = "<!-- accuracy-table:end -->";

    private AnalysisAccuracy() {
    }

    /** Generates and analyses the whole set in {@code dir}; the sample clip too when {@code sample} exists. */
    public static List<ClipScore> run(Path dir, Path sample) {
        return run(dir, sample, TruthClips.DEFAULT_CODEC, 0);
    }

    public static List<ClipScore> run(Path dir, Path sample, SyntheticVideo.Codec codec, long seedOffset) {
        List<ClipScore> scores = new ArrayList<>();
        for (TruthClip c : TruthClips.standardSet()) {
            Path file = TruthClips.write(c, dir, codec, seedOffset);
            scores.add(ClipScore.of(c, AnalyseFile.analyse(file)));
        }
        if (sample != null && Files.isRegularFile(sample)) {
            scores.add(ClipScore.of(TruthClips.sample(), AnalyseFile.analyse(sample)));
        }
        return scores;
    }

    /** Pooled cut precision, recall and F1 over all clips (false cuts on cut-free clips count against precision). */
    public static double[] cutPrecisionRecallF1(List<ClipScore> scores) {
        int hits = 0, truth = 0, detected = 0;
        for (ClipScore s : scores) {
            hits += s.cutHits();
            truth += s.cutsTrue();
            detected += s.cutsDetected();
        }
        double p = detected == 0 ? 1 : hits / (double) detected;
        double r = truth == 0 ? 1 : hits / (double) truth;
        return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
    }

    public static String table(List<ClipScore> scores) {
        StringBuilder sb = new StringBuilder(ClipScore.header()).append('\n');
        for (ClipScore s : scores) {
            sb.append(s.row()).append('\n');
        }
        double[] prf = cutPrecisionRecallF1(scores);
        sb.append(String.format(Locale.ROOT, "%nCuts over the whole set (±1 frame): precision %.3f, recall %.3f, F1 %.3f.%n",
                prf[0], prf[1], prf[2]));
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        Path write = null;
        Path keep = null;
        SyntheticVideo.Codec codec = TruthClips.DEFAULT_CODEC;
        long seed = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--write" -> write = Path.of(args[++i]);
                case "--keep" -> keep = Path.of(args[++i]);
                case "--codec" -> codec = SyntheticVideo.Codec.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("usage: [--write FILE] [--keep DIR] [--codec mpeg4|h264] [--seed N]");
            }
        }
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("vidscore-accuracy");
        long start = System.nanoTime();
        List<ClipScore> scores = run(dir, Path.of("samples", "sample.mp4"), codec, seed);
        double seconds = (System.nanoTime() - start) / 1e9;
        String table = table(scores);
        System.out.print(table);
        System.out.printf(Locale.ROOT, "%d clips (%s, seed offset %d) generated and analysed in %.1f s%n", scores.size(),
                codec, seed, seconds);
        if (System.getenv("VIDSCORE_DUMP") != null) {
            for (ClipScore s : scores) {
                dump(dir.resolve(s.clip().name() + ".csv"), s.analysis());
            }
        }
        if (write != null) {
            String doc = Files.exists(write) ? Files.readString(write, StandardCharsets.UTF_8) : START + "\n" + END + "\n";
            int a = doc.indexOf(START);
            int b = doc.indexOf(END);
            if (a < 0 || b < a) {
                throw new IllegalStateException(write + " has no " + START + " ... " + END + " section");
            }
            Files.writeString(write, doc.substring(0, a + START.length()) + "\n" + table + doc.substring(b), StandardCharsets.UTF_8);
            System.out.println("table written to " + write);
        }
        if (keep == null) {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static void dump(Path csv, VisualAnalysis a) throws IOException {
        StringBuilder sb = new StringBuilder("t,onset,energy\n");
        for (int i = 0; i < a.onsetEnvelope().length; i++) {
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f%n", i / a.envelopeRateHz(), a.onsetEnvelope()[i], a.energy()[i]));
        }
        Files.writeString(csv, sb.toString());
    }
}
