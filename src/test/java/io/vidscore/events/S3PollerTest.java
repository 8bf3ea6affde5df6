package io.vidscore.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vidscore.store.ObjectStore;
import io.vidscore.testing.S3ProxyServer;

/** The list poller against a real S3 API (S3Proxy on loopback). */
class S3PollerTest {
    private static S3ProxyServer server;

    @BeforeAll
    static void startServer() {
        server = new S3ProxyServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void announcesNewAndChangedObjectsOnce() {
        server.createBucket("poll-once");
        ObjectStore store = server.store("poll-once");
        store.put("incoming/before.mp4", bytes("present before the first poll"), Map.of());
        store.put("out/song.wav", bytes("not under the prefix"), Map.of());
        EventCollector events = new EventCollector();
        try (S3Poller poller = new S3Poller(store, "incoming/", events, Duration.ofSeconds(60))) {
            assertEquals(1, poller.pollOnce(), "the first poll announces what is already there");

            String etag = store.put("incoming/new clip +1.mp4", bytes("new"), Map.of()).etag();
            assertEquals(1, poller.pollOnce());
            ObjectCreated event = events.events().get(1);
            assertEquals(new ObjectCreated("poll-once", "incoming/new clip +1.mp4", 3, etag, null, null), event);

            assertEquals(0, poller.pollOnce(), "same object, next poll: nothing");

            store.put("incoming/new clip +1.mp4", bytes("overwritten"), Map.of());
            assertEquals(1, poller.pollOnce(), "overwritten: announced again");
            assertEquals(0, poller.pollOnce());

            store.delete("incoming/before.mp4");
            assertEquals(0, poller.pollOnce());
            store.put("incoming/before.mp4", bytes("present before the first poll"), Map.of());
            assertEquals(1, poller.pollOnce(), "deleted then uploaded again: a new arrival");
        }
        assertEquals(List.of("incoming/before.mp4", "incoming/new clip +1.mp4", "incoming/new clip +1.mp4",
                "incoming/before.mp4"), events.events().stream().map(ObjectCreated::key).toList());
    }

    @Test
    void theThreadSurvivesListingErrorsAndKeepsPolling() throws Exception {
        ObjectStore store = server.store("created-later"); // listing fails until the bucket exists
        EventCollector events = new EventCollector();
        try (S3Poller poller = new S3Poller(store, "incoming/", events, Duration.ofMillis(100)).start()) {
            Thread.sleep(350);
            server.createBucket("created-later");
            store.put("incoming/late.mp4", bytes("late"), Map.of());
            events.awaitKey("incoming/late.mp4", 1, Duration.ofSeconds(10));
            Thread.sleep(300);
        }
        assertEquals(1, events.events().size(), events.events().toString());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
