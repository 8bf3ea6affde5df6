package io.vidscore.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The storage port. Every stage talks to a bucket only through this interface, so the same code runs
 * against a local directory (the embedded default) and any S3-compatible store.
 *
 * <p>Contract: {@link #put} is atomic — a reader sees either no object or the whole object, never a
 * partial one. Keys use '/' as separator and never start with '/'.
 */
public interface ObjectStore {

    /** The bucket name as it appears in events and job ids. */
    String bucket();

    /** Metadata of the object, or empty when there is none under that key. */
    Optional<ObjectInfo> head(String key);

    /** A stream over the object's bytes; the caller closes it. @throws StoreException.NotFound when absent */
    InputStream get(String key);

    /** Stores {@code length} bytes from {@code data} under {@code key}, atomically. */
    ObjectInfo put(String key, InputStream data, long length, Map<String, String> metadata);

    /** Every object whose key starts with {@code prefix}, recursively, sorted by key. */
    List<ObjectInfo> list(String prefix);

    /** Removes an object; absent objects are not an error. Never used on user inputs. */
    void delete(String key);

    default boolean exists(String key) {
        return head(key).isPresent();
    }

    default ObjectInfo put(String key, byte[] data, Map<String, String> metadata) {
        return put(key, new java.io.ByteArrayInputStream(data), data.length, metadata);
    }

    default ObjectInfo putFile(String key, Path file, Map<String, String> metadata) {
        try (InputStream in = Files.newInputStream(file)) {
            return put(key, in, Files.size(file), metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    default byte[] getBytes(String key) {
        try (InputStream in = get(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StoreException("cannot read " + key + " from bucket " + bucket(), e);
        }
    }

    /** Copies the object to a local file (FFmpeg needs seekable input for MP4s whose index is at the end). */
    default Path download(String key, Path target) {
        try (InputStream in = get(key)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new StoreException("cannot download " + key + " from bucket " + bucket(), e);
        }
    }
}
