package io.vidscore.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ObjectStore} must do, run against each adapter by a subclass, so that the pipeline
 * behaves the same on the embedded directory bucket and on S3.
 */
abstract class ObjectStoreContract {

    protected ObjectStore store;

    /** A fresh, empty store for each test. */
    protected abstract ObjectStore newStore() throws Exception;

    @BeforeEach
    void setUpStore() throws Exception {
        store = newStore();
    }

    @Test
    void putThenGetHeadListDelete() throws Exception {
        byte[] data = bytes("hello video");
        ObjectInfo put = store.put("incoming/clip.mp4", data, Map.of());

        assertEquals("incoming/clip.mp4", put.key());
        assertEquals(data.length, put.size());
        assertEquals(md5(data), put.etag());
        assertArrayEquals(data, store.getBytes("incoming/clip.mp4"));

        ObjectInfo head = store.head("incoming/clip.mp4").orElseThrow();
        assertEquals(data.length, head.size());
        assertEquals(put.etag(), head.etag());
        assertTrue(head.lastModified() != null);
        assertTrue(store.exists("incoming/clip.mp4"));

        List<ObjectInfo> listed = store.list("incoming/");
        assertEquals(List.of("incoming/clip.mp4"), keys(listed));
        assertEquals(put.etag(), listed.get(0).etag());
        assertEquals(data.length, listed.get(0).size());

        store.delete("incoming/clip.mp4");
        assertFalse(store.exists("incoming/clip.mp4"));
        assertEquals(List.of(), store.list("incoming/"));
    }

    @Test
    void streamedPutStoresExactlyTheAnnouncedLength() throws Exception {
        byte[] data = new byte[300_000];
        new java.util.Random(42).nextBytes(data);
        try (InputStream in = new ByteArrayInputStream(data)) {
            ObjectInfo put = store.put("out/big.bin", in, data.length, Map.of());
            assertEquals(md5(data), put.etag());
        }
        assertArrayEquals(data, store.getBytes("out/big.bin"));
    }

    @Test
    void emptyObject() {
        ObjectInfo put = store.put("out/empty", new byte[0], Map.of());
        assertEquals(0, put.size());
        assertEquals(0, store.head("out/empty").orElseThrow().size());
        assertArrayEquals(new byte[0], store.getBytes("out/empty"));
    }

    @Test
    void overwriteReplacesContentSizeAndEtag() {
        ObjectInfo first = store.put("out/a.wav", bytes("first version"), Map.of());
        ObjectInfo second = store.put("out/a.wav", bytes("second, longer version"), Map.of());
        assertNotEquals(first.etag(), second.etag());
        assertArrayEquals(bytes("second, longer version"), store.getBytes("out/a.wav"));
        assertEquals(second.etag(), store.head("out/a.wav").orElseThrow().etag());
        assertEquals(bytes("second, longer version").length, store.head("out/a.wav").orElseThrow().size());
    }

    @Test
    void userMetadataRoundTripsWithLowerCaseNames() {
        store.put("out/song.wav", bytes("pcm"), Map.of("Job-Id", "job-123", "source", "incoming/clip.mp4"));
        Map<String, String> meta = store.head("out/song.wav").orElseThrow().metadata();
        assertEquals("job-123", meta.get("job-id"));
        assertEquals("incoming/clip.mp4", meta.get("source"));
        assertEquals(2, meta.size());
    }

    @Test
    void metadataIsReplacedOnOverwrite() {
        store.put("out/song.wav", bytes("v1"), Map.of("job-id", "one"));
        store.put("out/song.wav", bytes("v2"), Map.of());
        assertEquals(Map.of(), store.head("out/song.wav").orElseThrow().metadata());
    }

    @Test
    void etagIsStableForSameContentAndDiffersForDifferentContent() {
        String a = store.put("x/one", bytes("same bytes"), Map.of()).etag();
        String b = store.put("x/two", bytes("same bytes"), Map.of()).etag();
        String c = store.put("x/three", bytes("other bytes"), Map.of()).etag();
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(a, store.head("x/one").orElseThrow().etag());
        assertEquals(a, store.head("x/one").orElseThrow().etag(), "head twice gives the same etag");
        assertFalse(a.contains("\""), "etag without quotes: " + a);
        assertEquals(md5(bytes("same bytes")), a);
    }

    @Test
    void oddKeysWork() {
        List<String> odd = List.of(
                "incoming/Café del mar 01.mp4",
                "incoming/日本 語.mp4",
                "incoming/a+b=c&d.mp4",
                "incoming/100% sure (1) [final].mp4",
                "incoming/sub dir/émoji 🎵.mov");
        for (String key : odd) {
            store.put(key, bytes("content of " + key), Map.of());
        }
        for (String key : odd) {
            assertArrayEquals(bytes("content of " + key), store.getBytes(key), key);
            assertEquals(md5(bytes("content of " + key)), store.head(key).orElseThrow().etag(), key);
        }
        assertEquals(odd.stream().sorted().toList(), keys(store.list("incoming/")));
        assertEquals(List.of("incoming/a+b=c&d.mp4"), keys(store.list("incoming/a+")));
        assertFalse(store.exists("incoming/a b=c&d.mp4"), "'+' must not turn into a space");
        for (String key : odd) {
            store.delete(key);
            assertFalse(store.exists(key), key);
        }
    }

    @Test
    void listIsRecursiveSortedAndFilteredByPrefix() {
        for (String key : List.of("b/2", "a/x/3", "ab", "a/1", "c", "a/x/y/4")) {
            store.put(key, bytes(key), Map.of());
        }
        assertEquals(List.of("a/1", "a/x/3", "a/x/y/4", "ab", "b/2", "c"), keys(store.list("")));
        assertEquals(List.of("a/1", "a/x/3", "a/x/y/4"), keys(store.list("a/")));
        assertEquals(List.of("a/1", "a/x/3", "a/x/y/4", "ab"), keys(store.list("a")));
        assertEquals(List.of("a/x/3", "a/x/y/4"), keys(store.list("a/x")));
        assertEquals(List.of(), keys(store.list("zzz/")));
        assertEquals(List.of(), keys(store.list("a/nope/")));
    }

    @Test
    void missingKeys() {
        assertTrue(store.head("incoming/missing.mp4").isEmpty());
        assertFalse(store.exists("incoming/missing.mp4"));
        StoreException.NotFound e = assertThrows(StoreException.NotFound.class, () -> store.get("incoming/missing.mp4"));
        assertTrue(e.getMessage().contains("incoming/missing.mp4") && e.getMessage().contains(store.bucket()),
                e.getMessage());
        store.delete("incoming/missing.mp4"); // absent objects are not an error
    }

    @Test
    void aFolderPrefixIsNotAnObject() {
        store.put("dir/inside.txt", bytes("x"), Map.of());
        assertTrue(store.head("dir").isEmpty());
        assertThrows(StoreException.NotFound.class, () -> store.get("dir"));
    }

    protected static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    protected static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    protected static List<String> keys(List<ObjectInfo> infos) {
        return infos.stream().map(ObjectInfo::key).toList();
    }
}
