package io.vidscore.tools;

import io.vidscore.media.MediaProbe;
import io.vidscore.media.ProbeResult;
import io.vidscore.media.SyntheticVideo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;

/**
 * Writes the demo clip {@code samples/sample.mp4} plus {@code README.md} and {@code sample.json}
 * (its ground truth) beside it. The clip has a "visual beat" at 120 BPM, so the rhythm and music
 * stages can be checked end to end against known answers.
 *
 * <pre>java -cp target/classes:$(cat target/cp.txt) io.vidscore.tools.MakeSample [out.mp4]</pre>
 */
public final class MakeSample {
    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    static final int FPS = 30;
    static final double DURATION = 10.0;
    static final long SEED = 2024;
    static final double BPM = 120;
    static final double BEAT = 60 / BPM;
    /** Ball impacts on every beat, 0.5 .. 9.5 s. */
    static final double[] IMPACTS = DoubleStream.iterate(BEAT, t -> t < DURATION - 1e-9, t -> t + BEAT).toArray();
    /** Flashes on the first beat of each 4/4 bar after the intro: every 2 s. */
    static final double[] FLASHES = {2.0, 4.0, 6.0, 8.0};
    /** One hard cut in the middle, on a beat. */
    static final double[] CUTS = {5.0};

    private MakeSample() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "samples/sample.mp4");
        SyntheticVideo video = SyntheticVideo.builder().size(WIDTH, HEIGHT).fps(FPS).duration(DURATION).seed(SEED)
                .withAudio(true).impacts(IMPACTS).flashes(FLASHES).cuts(CUTS).build();
        video.write(out);
        ProbeResult p = MediaProbe.probe(out);
        long size = Files.size(out);
        Path folder = out.toAbsolutePath().getParent();
        Files.writeString(folder.resolve("sample.json"), json(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("README.md"), readme(out, p, size, video.encoderName()), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%s: %d bytes, %s %dx%d %.2f fps, %.3f s, %d video packets, audio %s (encoder %s)%n",
                out, size, p.videoCodec(), p.width(), p.height(), p.fps(), p.durationSeconds(), p.videoPackets(),
                p.audioStreams(), video.encoderName());
    }

    private static String json() {
        return String.format(Locale.ROOT, """
                {
                  "file": "sample.mp4",
                  "width": %d, "height": %d, "fps": %d, "durationSeconds": %s, "seed": %d,
                  "bpm": %s,
                  "beatTimes": %s,
                  "impactTimes": %s,
                  "flashTimes": %s,
                  "cutTimes": %s,
                  "originalAudio": "quiet 220 Hz + 330 Hz tone, AAC 48 kHz stereo"
                }
                """, WIDTH, HEIGHT, FPS, num(DURATION), SEED, num(BPM), list(IMPACTS), list(IMPACTS), list(FLASHES),
                list(CUTS));
    }

    private static String readme(Path out, ProbeResult p, long size, String encoder) {
        return String.format(Locale.ROOT, """
                # Sample clip

                `sample.mp4` is a synthetic clip with a known "visual beat", used to try vidscore end to end
                and as ground truth for the rhythm detection. It is generated, not filmed, by
                `io.vidscore.tools.MakeSample` (which uses `io.vidscore.media.SyntheticVideo`), and is
                byte-for-byte reproducible with the same FFmpeg build.

                ## File

                | | |
                |---|---|
                | size | %d bytes |
                | container | MP4 (moov at the end, as cameras write it) |
                | video | %s (encoder `%s`), %dx%d, yuv420p, %.0f fps, %d frames, keyframe every 2 s |
                | duration | %.3f s |
                | audio | %s |

                ## Content

                - **Background**: two layers of smooth value-noise texture scrolling in different directions,
                  so there is motion in every part of the frame at all times.
                - **Ball**: a light disc that bounces on the floor. Its vertical motion reverses suddenly only
                  at the impact times below; between impacts it flies a smooth parabola, and it drifts
                  slowly left and right (sine, period 7 s).
                - **Flashes**: the whole frame jumps to near white at the flash time and decays
                  exponentially (time constant 60 ms, gone after 250 ms).
                - **Cut**: at the cut time the palette, both textures and the scroll directions change at once.
                - **Original audio**: a quiet tone (220 Hz + 330 Hz, peak about -24 dBFS), AAC 48 kHz stereo,
                  exactly as long as the video. It carries no beat.

                ## Ground truth (seconds; also in `sample.json`)

                - Tempo: %s BPM, beat period %s s, beats on the grid t = 0.5 k.
                - Ball impacts (every beat): %s
                - Flashes (first beat of each 4/4 bar, every 2 s): %s
                - Hard cuts: %s (scene 1: 0 - 5 s, scene 2: 5 - 10 s)

                ## How it was made

                From the repository root, with plain Maven (no exec plugin needed):

                ```sh
                mvn -q compile
                mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
                java -cp target/classes:$(cat target/cp.txt) io.vidscore.tools.MakeSample %s
                ```

                This rewrites `sample.mp4`, `sample.json` and this README. The H.264 encoder is whichever
                working one the FFmpeg build has (`libx264`, else `libopenh264`); without either, the clip is
                MPEG-4 Part 2.
                """, size, p.videoCodec(), encoder, p.width(), p.height(), p.fps(), p.videoPackets(),
                p.durationSeconds(), p.audioStreams().stream().map(a -> a.codec() + " " + a.sampleRate() + " Hz "
                        + a.channels() + " ch").collect(Collectors.joining(", ")),
                num(BPM), num(BEAT), list(IMPACTS), list(FLASHES), list(CUTS), out);
    }

    private static String list(double[] times) {
        return Arrays.stream(times).mapToObj(MakeSample::num).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%s", v);
    }
}
