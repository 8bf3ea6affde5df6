package io.vidscore.testing;

import io.vidscore.media.SyntheticVideo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real encoded videos for tests, made on the fly, plus the broken inputs users really drop in a bucket. */
public final class TestVideos {
    private TestVideos() {
    }

    /** 8 s, 320x240, 30 fps: flashes on a 120 BPM grid, a hard cut at 4.0 s, a quiet audio track. */
    public static Path rhythmic(Path out) {
        double[] flashes = new double[15];
        for (int i = 0; i < flashes.length; i++) {
            flashes[i] = 0.5 + 0.5 * i;
        }
        return SyntheticVideo.builder().size(320, 240).fps(30).duration(8).seed(3).flashes(flashes).cuts(4.0).withAudio(true)
                .build().write(out);
    }

    /** The same pictures under another seed: a "new version" of an upload. */
    public static Path rhythmicVariant(Path out) {
        return SyntheticVideo.builder().size(320, 240).fps(30).duration(5).seed(11).flashes(1.0, 2.0, 3.0, 4.0).withAudio(false)
                .build().write(out);
    }

    /** An MP4 whose video codec no decoder knows: the H.264/MPEG-4 sample entry renamed to an unknown four-cc. */
    public static Path unsupportedCodec(Path valid, Path out) throws IOException {
        byte[] bytes = Files.readAllBytes(valid);
        boolean patched = false;
        for (String fourcc : new String[] {"avc1", "mp4v"}) {
            byte[] f = fourcc.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 4; i + 4 <= bytes.length; i++) {
                if (bytes[i] == f[0] && bytes[i + 1] == f[1] && bytes[i + 2] == f[2] && bytes[i + 3] == f[3]) {
                    bytes[i] = 'z';
                    bytes[i + 1] = 'z';
                    bytes[i + 2] = 'z';
                    bytes[i + 3] = 'z';
                    patched = true;
                }
            }
        }
        if (!patched) {
            throw new IllegalStateException("no avc1/mp4v sample entry found in " + valid);
        }
        return Files.write(out, bytes);
    }
}
