package io.vidscore.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BucketLayoutTest {

    @Test
    void routingTableSendsEachKeyToOneFunction() {
        String job = JobId.of("b", "incoming/a.mp4", "etag");
        assertEquals(Optional.of(StageName.EXTRACT_FRAMES), StageName.route("incoming/My clip ü.mp4"));
        assertEquals(Optional.of(StageName.EXTRACT_FRAMES), StageName.route("incoming/sub/dir/x.mov"));
        assertEquals(Optional.of(StageName.ENCODE_VIDEO), StageName.route(BucketLayout.frames(job, 3)));
        assertEquals(Optional.of(StageName.GENERATE_MUSIC), StageName.route(BucketLayout.features(job, 0)));
        assertEquals(Optional.of(StageName.GENERATE_MUSIC), StageName.route(BucketLayout.manifest(job)));
        for (String quiet : new String[] {"incoming/", "incoming/.hidden.mp4", "incoming/x.mp4.part", BucketLayout.analysis(job),
                "soundtracks/a.wav", "scored/a.mp4", "reports/a.json", "failed/a.mp4.json", "library/t.wav", "other/x.mp4"}) {
            assertEquals(Optional.empty(), StageName.route(quiet), quiet);
        }
    }

    @Test
    void keysAreNamedAfterTheUploadsStem() {
        assertEquals("clips/a b", BucketLayout.stemOf(BucketLayout.nameOf("incoming/clips/a b.mp4")));
        assertEquals("noext", BucketLayout.stemOf("noext"));
        assertEquals("dir.v2/noext", BucketLayout.stemOf("dir.v2/noext"));
        assertEquals("soundtracks/clips/a b.wav", BucketLayout.soundtrack("clips/a b"));
        assertEquals("scored/x.mp4", BucketLayout.scored("x"));
        assertEquals("reports/x.json", BucketLayout.report("x"));
        assertEquals("failed/x.mp4.json", BucketLayout.failed("x.mp4"));
        String job = JobId.of("b", "k", "e");
        BucketLayout.JobObject parsed = BucketLayout.parseJobKey(BucketLayout.features(job, 12)).orElseThrow();
        assertEquals(job, parsed.jobId());
        assertEquals(12, parsed.chunk());
        assertEquals(BucketLayout.JobObject.Kind.FEATURES, parsed.kind());
    }

    @Test
    void jobIdIsStablePerObjectVersionAndSeparatesFields() {
        assertEquals(JobId.of("b", "incoming/a.mp4", "e1"), JobId.of("b", "incoming/a.mp4", "e1"));
        assertNotEquals(JobId.of("b", "incoming/a.mp4", "e1"), JobId.of("b", "incoming/a.mp4", "e2"));
        assertNotEquals(JobId.of("b", "incoming/a.mp4", "e1"), JobId.of("c", "incoming/a.mp4", "e1"));
        assertNotEquals(JobId.of("ab", "c", "e"), JobId.of("a", "bc", "e"));
        assertTrue(JobId.of("b", "k", "e").matches("[0-9a-f]{16}"));
    }

    @Test
    void npyRoundTripsAndMatchesNumpysHeaderLayout() {
        byte[] u8 = Npy.writeU8(new byte[] {1, 2, (byte) 255, 4, 5, 6}, 2, 3);
        assertEquals(0, (u8.length - 6) % 64, "header padded so the data starts at a multiple of 64 bytes");
        String header = new String(u8, 10, u8.length - 16, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(header.startsWith("{'descr': '|u1', 'fortran_order': False, 'shape': (2, 3), }"), header);
        assertTrue(header.endsWith("\n"));
        assertTrue(new String(Npy.writeF32(new float[2], 2), java.nio.charset.StandardCharsets.ISO_8859_1).contains("'shape': (2,), }"));
        Npy.Tensor t = Npy.read(u8);
        assertEquals(2, t.rows());
        assertEquals(3, t.rowLength());
        assertEquals((byte) 255, t.u8()[2]);
        Npy.Tensor f = Npy.read(Npy.writeF32(new float[] {1.5f, -2f, 3.25f}, 3));
        assertEquals(3, f.rows());
        assertEquals(-2f, f.f32()[1]);
        assertEquals(3.25f, f.f32()[2]);
    }
}
