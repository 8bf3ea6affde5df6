package io.vidscore.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vidscore.media.WavReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares {@link LoudnessMeter} with ffmpeg's ebur128 filter on the committed test vectors in
 * src/test/resources/loudness (made and measured by bench/loudness-reference.sh; ffmpeg is not
 * needed here). Tolerances: integrated +-0.1 LU (EBU Tech 3341's own tolerance), true peak
 * +-0.2 dB (two different interpolators, and ffmpeg prints one decimal), LRA +-0.5 LU.
 */
class LoudnessMeterReferenceTest {
    record Reference(String file, double integratedLufs, double truePeakDbtp, Double lraLu) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Path dir() throws URISyntaxException {
        return Path.of(LoudnessMeterReferenceTest.class.getResource("/loudness/reference.csv").toURI()).getParent();
    }

    static Stream<Reference> references() throws IOException, URISyntaxException {
        List<String> lines = Files.readAllLines(dir().resolve("reference.csv"));
        assertTrue(lines.size() > 5, "reference.csv should list the test vectors");
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
            String[] f = l.split(",", -1);
            return new Reference(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    f[3].isBlank() ? null : Double.valueOf(f[3]));
        });
    }

    /** Streams a WAV into the meter in odd-sized blocks (1000 frames: not a multiple of the 4800-frame sub-block). */
    static LoudnessMeter measure(Path wav) {
        LoudnessMeter meter = new LoudnessMeter();
        try (WavReader in = WavReader.open(wav)) {
            assertEquals(PcmSink.SAMPLE_RATE, in.sampleRate(), "test vectors are 48 kHz");
            int ch = in.channels();
            assertTrue(ch == 1 || ch == 2, "mono or stereo test vectors");
            float[] raw = new float[1000 * ch];
            float[] stereo = new float[2000];
            int n;
            while ((n = in.read(raw, 1000)) > 0) {
                if (ch == 1) {
                    // The reference was measured on the same duplicated signal (pan=stereo|c0=c0|c1=c0).
                    for (int i = 0; i < n; i++) {
                        stereo[2 * i] = raw[i];
                        stereo[2 * i + 1] = raw[i];
                    }
                    meter.write(stereo, n);
                } else {
                    meter.write(raw, n);
                }
            }
        }
        meter.close();
        return meter;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void agreesWithFfmpeg(Reference ref) throws URISyntaxException {
        LoudnessMeter m = measure(dir().resolve(ref.file()));
        System.out.printf("%-16s I %8.3f (ffmpeg %8.3f)  TP %7.3f (ffmpeg %6.1f)  LRA %6.3f (ffmpeg %s)%n",
                ref.file(), m.integratedLufs(), ref.integratedLufs(), m.truePeakDbtp(), ref.truePeakDbtp(),
                m.loudnessRangeLu(), ref.lraLu());
        assertEquals(ref.integratedLufs(), m.integratedLufs(), 0.1, "integrated loudness vs ffmpeg");
        assertEquals(ref.truePeakDbtp(), m.truePeakDbtp(), 0.2, "true peak vs ffmpeg");
        if (ref.lraLu() != null) {
            assertEquals(ref.lraLu(), m.loudnessRangeLu(), 0.5, "loudness range vs ffmpeg");
        }
        assertTrue(m.samplePeakDbfs() <= m.truePeakDbtp() + 1e-9, "true peak is never below the sample peak");
    }
}
