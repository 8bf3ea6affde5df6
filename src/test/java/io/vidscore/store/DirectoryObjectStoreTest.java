package io.vidscore.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded directory bucket, plus atomicity, foreign files and linked originals. */
class DirectoryObjectStoreTest extends ObjectStoreContract {

    @TempDir
    Path tmp;
    Path root;

    @Override
    protected ObjectStore newStore() throws IOException {
        root = Files.createDirectories(tmp.resolve("bucket"));
        return new DirectoryObjectStore(root, "local");
    }

    @Test
    void keysThatCouldEscapeTheRootAreRefused() {
        for (String bad : List.of("/etc/passwd", "../x", "a/../../x", "a//b", "a/", "", "a/./b", ".vidscore/tmp/x",
                "a\\b")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store.put(bad, bytes("x"), Map.of()), bad);
            assertTrue(e.getMessage().contains("local"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> store.head(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> store.delete(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> store.put("incoming/.hidden", bytes("x"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> store.put("incoming/x.part", bytes("x"), Map.of()));
    }

    @Test
    void putIsAtomicForAConcurrentReader() throws Exception {
        int size = 8 << 20;
        byte[] data = new byte[size];
        new Random(7).nextBytes(data);
        String expected = md5(data);
        store.put("out/big.wav", bytes("old small version"), Map.of());
        String oldEtag = md5(bytes("old small version"));

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            try {
                while (writing.get()) {
                    byte[] seen = store.getBytes("out/big.wav");
                    String etag = md5(seen);
                    if (!etag.equals(oldEtag) && !etag.equals(expected)) {
                        throw new AssertionError("reader saw a partial object of " + seen.length + " bytes");
                    }
                    for (ObjectInfo info : store.list("out/")) {
                        if (info.size() != size && info.size() != bytes("old small version").length) {
                            throw new AssertionError("list showed a partial object of " + info.size() + " bytes");
                        }
                    }
                    reads.incrementAndGet();
                }
            } catch (Throwable t) {
                readerFailure.set(t);
            }
        });
        reader.start();
        try (InputStream slow = new SlowStream(data, 256 << 10, 5)) {
            store.put("out/big.wav", slow, size, Map.of("kind", "soundtrack"));
        } finally {
            writing.set(false);
            reader.join();
        }
        if (readerFailure.get() != null) {
            throw new AssertionError(readerFailure.get());
        }
        assertTrue(reads.get() > 5, "the reader should have read during the put, read " + reads.get() + " times");
        assertEquals(expected, store.head("out/big.wav").orElseThrow().etag());
        assertArrayEquals(data, store.getBytes("out/big.wav"));
        try (var leftovers = Files.list(root.resolve(".vidscore/tmp"))) {
            assertEquals(List.of(), leftovers.toList(), "no temp files left behind");
        }
    }

    @Test
    void keysWhoseSidecarsCouldCollideCoexist() {
        store.put("x", bytes("file x"), Map.of("n", "1"));
        store.put("x.meta/y", bytes("file y"), Map.of("n", "2"));
        assertEquals("1", store.head("x").orElseThrow().metadata().get("n"));
        assertEquals("2", store.head("x.meta/y").orElseThrow().metadata().get("n"));
    }

    @Test
    void aStreamShorterThanAnnouncedFailsAndLeavesNothing() {
        StoreException e = assertThrows(StoreException.class,
                () -> store.put("out/short.wav", new java.io.ByteArrayInputStream(new byte[10]), 20, Map.of()));
        assertTrue(e.getMessage().contains("out/short.wav") && e.getMessage().contains("local"), e.getMessage());
        assertFalse(store.exists("out/short.wav"));
    }

    @Test
    void filesCopiedInByOtherMeansGetAnEtagThatFollowsChanges() throws Exception {
        Path file = Files.createDirectories(root.resolve("incoming")).resolve("dropped.mp4");
        Files.write(file, bytes("dropped by a file manager"));
        ObjectInfo first = store.head("incoming/dropped.mp4").orElseThrow();
        assertEquals(md5(bytes("dropped by a file manager")), first.etag());
        assertEquals(first.etag(), store.list("incoming/").get(0).etag());
        assertTrue(Files.exists(root.resolve(".vidscore/meta/incoming.d/dropped.mp4.meta")), "etag cached");

        // Same size, new content and mtime: the cache must not be trusted.
        Files.write(file, bytes("DROPPED BY A FILE MANAGER"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        ObjectInfo changed = store.head("incoming/dropped.mp4").orElseThrow();
        assertEquals(md5(bytes("DROPPED BY A FILE MANAGER")), changed.etag());
        assertNotEquals(first.etag(), changed.etag());
    }

    @Test
    void listSkipsInternalHiddenAndTempFiles() throws Exception {
        store.put("incoming/real.mp4", bytes("x"), Map.of());
        Path incoming = root.resolve("incoming");
        for (String name : List.of(".hidden.mp4", "a.mp4.part", "b.crdownload", "c.tmp", "d.partial", "e.mp4~")) {
            Files.write(incoming.resolve(name), bytes(name));
        }
        Files.createDirectories(incoming.resolve(".git")).resolve("inside.mp4").toFile().createNewFile();
        assertEquals(List.of("incoming/real.mp4"), keys(store.list("")));
    }

    @Test
    void linkedOriginalsAreReadableAndNeverDeletedThroughTheLink() throws Exception {
        Path userDir = Files.createDirectories(tmp.resolve("user videos"));
        Path original = Files.write(userDir.resolve("Holiday été.mp4"), bytes("the user's only copy"));
        Path hardOriginal = Files.write(userDir.resolve("hard.mp4"), bytes("hard linked copy"));
        Path incoming = Files.createDirectories(root.resolve("incoming"));
        Files.createSymbolicLink(incoming.resolve("Holiday été.mp4"), original);
        Files.createLink(incoming.resolve("hard.mp4"), hardOriginal);
        Files.createSymbolicLink(incoming.resolve("linked folder"), userDir);

        assertArrayEquals(bytes("the user's only copy"), store.getBytes("incoming/Holiday été.mp4"));
        assertArrayEquals(bytes("hard linked copy"), store.getBytes("incoming/hard.mp4"));
        ObjectInfo head = store.head("incoming/Holiday été.mp4").orElseThrow();
        assertEquals(md5(bytes("the user's only copy")), head.etag());
        assertEquals(bytes("the user's only copy").length, head.size());
        // Linked files are objects; a linked folder is not descended (no cycles, no surprises).
        assertEquals(List.of("incoming/Holiday été.mp4", "incoming/hard.mp4"), keys(store.list("incoming/")));

        StoreException refused = assertThrows(StoreException.class,
                () -> store.delete("incoming/linked folder/hard.mp4"));
        assertTrue(refused.getMessage().contains("symbolic link"), refused.getMessage());
        store.delete("incoming/Holiday été.mp4");
        store.delete("incoming/hard.mp4");
        store.delete("incoming/linked folder"); // a link to a folder is not an object: nothing happens

        assertFalse(store.exists("incoming/Holiday été.mp4"));
        assertArrayEquals(bytes("the user's only copy"), Files.readAllBytes(original));
        assertArrayEquals(bytes("hard linked copy"), Files.readAllBytes(hardOriginal));
        assertTrue(Files.isDirectory(userDir));
    }

    @Test
    void overwritingALinkReplacesTheLinkNotTheOriginal() throws Exception {
        Path original = Files.write(tmp.resolve("original.mp4"), bytes("original"));
        Files.createSymbolicLink(Files.createDirectories(root.resolve("incoming")).resolve("v.mp4"), original);
        store.put("incoming/v.mp4", bytes("replacement"), Map.of());
        assertArrayEquals(bytes("replacement"), store.getBytes("incoming/v.mp4"));
        assertArrayEquals(bytes("original"), Files.readAllBytes(original));
    }

    /** Hands out data in small chunks with pauses, like a slow encoder writing its output. */
    private static final class SlowStream extends InputStream {
        private final byte[] data;
        private final int chunk;
        private final long pauseMs;
        private int pos;

        SlowStream(byte[] data, int chunk, long pauseMs) {
            this.data = data;
            this.chunk = chunk;
            this.pauseMs = pauseMs;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            if (pos % chunk == 0) {
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int n = Math.min(len, Math.min(data.length - pos, chunk - pos % chunk));
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
