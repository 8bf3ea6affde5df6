package io.vidscore.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vidscore.store.DirectoryObjectStore;

class DirectoryWatcherTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path root;
    @TempDir
    Path userDir;
    Path incoming;
    DirectoryObjectStore store;

    @BeforeEach
    void setUp() throws Exception {
        incoming = Files.createDirectories(root.resolve("incoming"));
        store = new DirectoryObjectStore(root, "local");
    }

    @Test
    void aSlowlyWrittenFileIsAnnouncedOnceWhenCompleteAndTempFilesNever() throws Exception {
        EventCollector events = new EventCollector();
        byte[] content = new byte[5 * 64 * 1024];
        new Random(1).nextBytes(content);
        long completedAt;
        try (DirectoryWatcher watcher = new DirectoryWatcher(root, "local", "incoming/", events, Duration.ofSeconds(1))) {
            watcher.start();
            for (String name : List.of(".hidden.mp4", "video.mp4.part", "video.crdownload", "clip.tmp",
                    "clip.partial", "notes.txt~")) {
                Files.write(incoming.resolve(name), "not an object".getBytes(StandardCharsets.UTF_8));
            }
            Files.createDirectories(incoming.resolve(".cache")).resolve("x.mp4").toFile().createNewFile();

            // Five chunks with pauses shorter than the settle time, like a slow copy over the network.
            try (OutputStream out = Files.newOutputStream(incoming.resolve("Café del mar.mp4"))) {
                for (int i = 0; i < 5; i++) {
                    out.write(content, i * 64 * 1024, 64 * 1024);
                    out.flush();
                    Thread.sleep(300);
                }
            }
            completedAt = System.nanoTime();
            events.awaitKey("incoming/Café del mar.mp4", 1, WAIT);
            Thread.sleep(1500); // would catch a second announcement or a late temp file
        }
        List<ObjectCreated> all = events.events();
        assertEquals(1, all.size(), "exactly one event: " + all);
        ObjectCreated event = all.get(0);
        assertTrue(events.arrivalNanos(0) >= completedAt, "announced only after the last write");
        assertEquals("local", event.bucket());
        assertEquals(content.length, event.size());
        assertEquals(md5(content), event.etag());
        assertEquals(store.head("incoming/Café del mar.mp4").orElseThrow().etag(), event.etag());
    }

    @Test
    void existingRenamedChangedAndLinkedFilesAreEachAnnouncedOnce() throws Exception {
        Files.writeString(incoming.resolve("already here.mp4"), "present before start");
        Path original = Files.writeString(userDir.resolve("orig.mp4"), "user's original");
        EventCollector events = new EventCollector();
        try (DirectoryWatcher watcher = new DirectoryWatcher(root, "local", "incoming/", events,
                Duration.ofMillis(400))) {
            watcher.start();
            events.awaitKey("incoming/already here.mp4", 1, WAIT);

            // A browser download: written as .part in a new subfolder, then renamed.
            Path sub = Files.createDirectories(incoming.resolve("日本"));
            Files.writeString(sub.resolve("dl.mp4.part"), "downloaded video");
            Files.move(sub.resolve("dl.mp4.part"), sub.resolve("dl.mp4"));
            events.awaitKey("incoming/日本/dl.mp4", 1, WAIT);

            // The CLI links the user's file instead of copying it.
            Files.createSymbolicLink(incoming.resolve("linked.mp4"), original);
            events.awaitKey("incoming/linked.mp4", 1, WAIT);

            // Changed in place: a new version, announced again with its new ETag.
            Files.writeString(incoming.resolve("already here.mp4"), " and more", StandardOpenOption.APPEND);
            events.awaitKey("incoming/already here.mp4", 2, WAIT);
            Thread.sleep(1200);
        }
        List<ObjectCreated> all = events.events();
        assertEquals(4, all.size(), all.toString());
        List<ObjectCreated> existing = all.stream().filter(e -> e.key().equals("incoming/already here.mp4")).toList();
        assertNotEquals(existing.get(0).etag(), existing.get(1).etag());
        assertEquals(md5("present before start and more".getBytes(StandardCharsets.UTF_8)), existing.get(1).etag());
        ObjectCreated linked = all.stream().filter(e -> e.key().equals("incoming/linked.mp4")).findFirst().orElseThrow();
        assertEquals(md5("user's original".getBytes(StandardCharsets.UTF_8)), linked.etag());
        for (ObjectCreated e : all.subList(1, all.size())) {
            if (!e.key().equals("incoming/already here.mp4")) {
                assertEquals(store.head(e.key()).orElseThrow().etag(), e.etag(), e.key());
            }
        }
    }

    @Test
    void aFailingListenerIsOfferedTheFileAgainAndOnlyThePrefixIsWatched() throws Exception {
        Files.writeString(incoming.resolve("a.mp4"), "a");
        Files.writeString(Files.createDirectories(root.resolve("out")).resolve("song.wav"), "not incoming");
        AtomicInteger calls = new AtomicInteger();
        EventCollector events = new EventCollector();
        try (DirectoryWatcher watcher = new DirectoryWatcher(root, "local", "incoming/", e -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("downstream briefly unavailable");
            }
            events.accept(e);
        }, Duration.ofMillis(200))) {
            watcher.start();
            events.awaitKey("incoming/a.mp4", 1, WAIT);
            Thread.sleep(800);
        }
        assertEquals(2, calls.get(), "one failed delivery, one retry");
        assertEquals(List.of("incoming/a.mp4"), events.events().stream().map(ObjectCreated::key).toList());
    }

    static String md5(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    }
}
