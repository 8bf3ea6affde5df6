package io.vidscore.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vidscore.music.MusicRequest;
import io.vidscore.pipeline.BucketLayout;
import io.vidscore.pipeline.Json;
import io.vidscore.store.ObjectStore;
import io.vidscore.testing.S3ProxyServer;
import io.vidscore.testing.TestVideos;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long-running service's event sources, end to end: a watched directory bucket, and polling a real
 * S3 API server. Each waits for the report a user would wait for.
 */
class ServeModesTest {
    @TempDir
    Path tmp;

    @Test
    void watchedDirectoryBucketScoresAFileOnceItIsCompletelyWritten() throws Exception {
        Path bucket = tmp.resolve("bucket");
        Path video = TestVideos.rhythmic(tmp.resolve("src.mp4"));
        VidscoreRuntime runtime = new VidscoreRuntime();
        runtime.start(new ServeSettings("dir", bucket.toString(), null, false, "watch", Duration.ofSeconds(1), 1, "composer", 0,
                MusicRequest.Overrides.NONE, io.vidscore.pipeline.NeuralOptions.NONE));
        try {
            byte[] bytes = Files.readAllBytes(video);
            Path target = bucket.resolve("incoming/slow upload.mp4");
            try (OutputStream out = Files.newOutputStream(target)) { // written in parts, like a slow copy
                int step = bytes.length / 4 + 1;
                for (int off = 0; off < bytes.length; off += step) {
                    out.write(bytes, off, Math.min(step, bytes.length - off));
                    out.flush();
                    Thread.sleep(400);
                }
            }
            Files.writeString(bucket.resolve("incoming/readme.mp4"), "not a video");
            waitFor(() -> Files.exists(bucket.resolve("reports/slow upload.json")) && Files.exists(bucket.resolve("failed/readme.mp4.json")), 120);
            assertTrue(Files.size(bucket.resolve("scored/slow upload.mp4")) > 0);
            assertTrue(Files.size(bucket.resolve("soundtracks/slow upload.wav")) > 0);
            assertTrue(Files.readString(bucket.resolve("failed/readme.mp4.json")).contains("not a video"));
            assertEquals(bytes.length, Files.size(target), "the upload is untouched");
        } finally {
            runtime.stop(null);
        }
    }

    @Test
    void pollingAnS3BucketScoresNewUploads() throws Exception {
        try (S3ProxyServer s3 = new S3ProxyServer()) {
            s3.createBucket("polled");
            System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
            System.setProperty("aws.region", S3ProxyServer.REGION.id());
            VidscoreRuntime runtime = new VidscoreRuntime();
            runtime.start(new ServeSettings("s3", "polled", s3.endpoint(), true, "poll", Duration.ofSeconds(1), 1, "composer", 0,
                    MusicRequest.Overrides.NONE, io.vidscore.pipeline.NeuralOptions.NONE));
            try {
                ObjectStore bucket = s3.store("polled");
                bucket.putFile("incoming/from the cloud.mp4", TestVideos.rhythmic(tmp.resolve("c.mp4")), Map.of());
                waitFor(() -> bucket.exists(BucketLayout.report("from the cloud")), 120);
                assertEquals("incoming/from the cloud.mp4",
                        Json.tree(bucket.getBytes(BucketLayout.report("from the cloud"))).get("source").asText());
                assertTrue(bucket.exists(BucketLayout.scored("from the cloud")));
                assertTrue(bucket.exists(BucketLayout.soundtrack("from the cloud")));
            } finally {
                runtime.stop(null);
            }
        }
    }

    static void waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done within " + seconds + " s");
            }
            Thread.sleep(200);
        }
    }
}
