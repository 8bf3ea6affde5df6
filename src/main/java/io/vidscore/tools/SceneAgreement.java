package io.vidscore.tools;

import io.vidscore.analysis.VisualAnalysis;
import io.vidscore.rhythm.BeatMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares our cuts with FFmpeg's scene detector ({@code select='gt(scene,0.4)'}) on real footage. A
 * benchmark, not a test: it runs the ffmpeg command-line tool, which the application never needs.
 *
 * <pre>bench/scene-agreement.sh [videos or folders of them, default ../shared/media]</pre>
 */
public final class SceneAgreement {
    static final double THRESHOLD = 0.4;
    private static final Pattern PTS = Pattern.compile("pts_time:([0-9.]+)");

    private SceneAgreement() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
        List<Path> videos = new ArrayList<>();
        for (String arg : args.length > 0 ? args : new String[] {"../shared/media"}) {
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                try (var files = Files.list(path)) {
                    videos.addAll(files.filter(p -> p.toString().endsWith(".mp4")).sorted().toList());
                }
            } else {
                videos.add(path);
            }
        }
        System.out.println("| clip | fps | ffmpeg scene > 0.4 (s) | ours (s) | matched ±1 frame | matched ±2 frames |");
        System.out.println("|---|---|---|---|---|---|");
        int ffTotal = 0, ourTotal = 0, match1 = 0, match2 = 0;
        for (Path v : videos) {
            double[] ff = ffmpegScenes(v);
            VisualAnalysis a = AnalyseFile.analyse(v);
            double frame = 1 / a.envelopeRateHz();
            int m1 = matches(ff, a.cutsS(), frame);
            int m2 = matches(ff, a.cutsS(), 2 * frame);
            ffTotal += ff.length;
            ourTotal += a.cutsS().length;
            match1 += m1;
            match2 += m2;
            System.out.printf(Locale.ROOT, "| %s | %.3f | %s | %s | %d | %d |%n", v.getFileName(), a.envelopeRateHz(), times(ff),
                    times(a.cutsS()), m1, m2);
        }
        System.out.printf(Locale.ROOT, "%nTotals: ffmpeg %d cuts, ours %d; agreement at ±2 frames: precision %s, recall %s "
                + "(ffmpeg as reference; ±1 frame: %d matched).%n", ffTotal, ourTotal, ratio(match2, ourTotal), ratio(match2, ffTotal), match1);
    }

    private static int matches(double[] reference, double[] ours, double tolerance) {
        return (int) Math.round(BeatMetrics.hitRate(reference, ours, tolerance + 1e-6) * reference.length);
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "n/a (none)" : String.format(Locale.ROOT, "%.2f", a / (double) b);
    }

    private static String times(double[] t) {
        if (t.length == 0) {
            return "-";
        }
        return String.join(", ", Arrays.stream(t).mapToObj(x -> String.format(Locale.ROOT, "%.2f", x)).toList());
    }

    /** Frame times FFmpeg's scene filter selects, relative to the first frame. */
    static double[] ffmpegScenes(Path video) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostats", "-i", video.toString(), "-an", "-vf",
                "select='gt(scene," + THRESHOLD + ")',showinfo", "-f", "null", "-").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("ffmpeg failed on " + video + ":\n" + out);
        }
        double start = firstPts(video);
        List<Double> times = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.contains("Parsed_showinfo")) {
                Matcher m = PTS.matcher(line);
                if (m.find()) {
                    times.add(Double.parseDouble(m.group(1)) - start);
                }
            }
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double firstPts(Path video) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time",
                "-read_intervals", "%+#1", "-of", "csv=p=0", video.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        try {
            return Double.parseDouble(out.split("\\s+")[0].replace(",", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
