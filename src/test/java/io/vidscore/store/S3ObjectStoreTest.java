package io.vidscore.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vidscore.testing.S3ProxyServer;

/** The contract against a real S3 API (S3Proxy on loopback), plus what is specific to S3. */
class S3ObjectStoreTest extends ObjectStoreContract {
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static S3ProxyServer server;

    @BeforeAll
    static void startServer() {
        server = new S3ProxyServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected ObjectStore newStore() {
        String bucket = "contract-" + BUCKETS.incrementAndGet();
        server.createBucket(bucket);
        return server.store(bucket);
    }

    @Test
    void listFollowsPagination() {
        // Pages of 10 keys: 25 keys need three requests, each continuing where the last one stopped.
        for (int i = 0; i < 25; i++) {
            store.put(String.format("many/%04d", i), new byte[] {(byte) i}, Map.of());
        }
        store.put("other/x", new byte[1], Map.of());
        var listed = ((S3ObjectStore) store).withListPageSize(10).list("many/");
        assertEquals(25, listed.size());
        assertEquals("many/0000", listed.get(0).key());
        assertEquals("many/0024", listed.get(24).key());
        assertEquals(25, listed.stream().map(ObjectInfo::key).distinct().count());
    }

    @Test
    void connectUsesTheStandardCredentialAndRegionChains() {
        // System properties come first in both AWS chains, so nothing beyond loopback is consulted.
        Map<String, String> props = Map.of("aws.accessKeyId", S3ProxyServer.ACCESS_KEY,
                "aws.secretAccessKey", S3ProxyServer.SECRET_KEY, "aws.region", "us-east-1");
        Map<String, String> saved = new java.util.HashMap<>();
        props.forEach((k, v) -> saved.put(k, System.setProperty(k, v)));
        try (S3ObjectStore connected = S3ObjectStore.connect(server.endpoint(), store.bucket(), true)) {
            connected.put("via/connect.txt", bytes("hi"), Map.of("k", "v"));
            assertArrayEquals(bytes("hi"), store.getBytes("via/connect.txt"));
            assertEquals("v", connected.head("via/connect.txt").orElseThrow().metadata().get("k"));
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    @Test
    void errorsNameKeyAndBucket() {
        ObjectStore missingBucket = server.store("no-such-bucket");
        StoreException e = assertThrows(StoreException.class,
                () -> missingBucket.put("out/x.wav", bytes("x"), Map.of()));
        assertTrue(e.getMessage().contains("out/x.wav") && e.getMessage().contains("no-such-bucket"), e.getMessage());
    }
}
