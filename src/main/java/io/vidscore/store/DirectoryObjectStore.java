package io.vidscore.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.jboss.logging.Logger;

/**
 * The embedded default bucket: a plain directory whose files are the objects, so users can drop videos
 * into {@code incoming/} with any file manager and find soundtracks next to them.
 *
 * <p>Puts are atomic: bytes go to {@code .vidscore/tmp/} first and are renamed into place, so a reader
 * sees the old object or the new one, never a partial file. ETags are the hex MD5 of the content, as S3
 * reports for single-part uploads; for files that arrived by other means they are computed on first
 * {@link #head}/{@link #list} and cached with the user metadata in {@code .vidscore/meta/}. Entries may be
 * symbolic or hard links to a user's original; they are read through but never deleted through.
 */
public final class DirectoryObjectStore implements ObjectStore {
    private static final Logger LOG = Logger.getLogger(DirectoryObjectStore.class);
    private static final int BUFFER = 1 << 16;
    /** Re-hash attempts when a file keeps changing while it is hashed (someone is still writing it). */
    private static final int HASH_ATTEMPTS = 3;

    private final Path root;
    private final String bucket;
    private final KeyPaths paths;
    private final Path tmpDir;
    private final Path metaDir;
    /** Serialises "write sidecar, then rename" against lazy ETag caching for the same key in this JVM. */
    private final Object[] keyLocks = new Object[64];

    public DirectoryObjectStore(Path root, String bucketName) {
        if (bucketName == null || bucketName.isBlank()) {
            throw new IllegalArgumentException("a directory bucket needs a name (bucket root " + root + ")");
        }
        this.root = root.toAbsolutePath().normalize();
        this.bucket = bucketName;
        this.paths = new KeyPaths(this.root, bucketName);
        this.tmpDir = this.root.resolve(KeyPaths.INTERNAL_DIR).resolve("tmp");
        this.metaDir = this.root.resolve(KeyPaths.INTERNAL_DIR).resolve("meta");
        for (int i = 0; i < keyLocks.length; i++) {
            keyLocks[i] = new Object();
        }
    }

    /** The directory holding the objects. */
    public Path root() {
        return root;
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        Path file = paths.resolve(key);
        try {
            return describe(key, file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read metadata of " + key + " in bucket " + bucket + ": " + e, e);
        }
    }

    @Override
    public InputStream get(String key) {
        Path file = paths.resolve(key);
        if (Files.isDirectory(file)) {
            throw new StoreException.NotFound(bucket, key);
        }
        try {
            return Files.newInputStream(file); // follows links: linked originals are readable
        } catch (NoSuchFileException e) {
            throw new StoreException.NotFound(bucket, key);
        } catch (IOException e) {
            throw new StoreException("cannot open " + key + " in bucket " + bucket + ": " + e, e);
        }
    }

    @Override
    public ObjectInfo put(String key, InputStream data, long length, Map<String, String> metadata) {
        Path target = paths.resolve(key);
        String name = target.getFileName().toString();
        if (TempNames.isTransient(name)) {
            throw new IllegalArgumentException("invalid key '" + key + "' for bucket " + bucket
                    + ": hidden and temp-file names are not listed in a directory bucket, so they cannot be objects");
        }
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length + " for " + key + " in bucket " + bucket);
        }
        Map<String, String> meta = normalize(metadata);
        Path tmp = tmpDir.resolve(UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(tmpDir);
            String etag = writeExactly(data, length, tmp, key);
            Files.createDirectories(target.getParent());
            BasicFileAttributes attrs;
            synchronized (lockFor(key)) {
                attrs = Files.readAttributes(tmp, BasicFileAttributes.class);
                // Sidecar first: the moment the object appears, its ETag and metadata are already valid.
                new Sidecar(FileStamp.of(attrs), etag, meta).write(sidecarOf(key), tmpDir);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    attrs = moveAcrossFileSystems(tmp, target, etag, meta, key);
                }
            }
            return new ObjectInfo(key, length, etag, attrs.lastModifiedTime().toInstant(), meta);
        } catch (IOException e) {
            throw new StoreException("cannot put " + key + " into bucket " + bucket + ": " + e, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        String p = prefix == null ? "" : prefix;
        Path start = startFor(p);
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<ObjectInfo> out = new ArrayList<>();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    // Skips .vidscore and any other hidden or temp folder; symlinked folders are not
                    // descended (walkFileTree does not follow links), which keeps cycles out.
                    return dir.equals(start) || !TempNames.isTransient(dir.getFileName().toString())
                            ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (TempNames.isTransient(file.getFileName().toString())) {
                        return FileVisitResult.CONTINUE;
                    }
                    String key = paths.keyOf(file);
                    if (key.startsWith(p) && !key.startsWith(KeyPaths.INTERNAL_DIR + "/")) {
                        try {
                            describe(key, file).ifPresent(out::add);
                        } catch (NoSuchFileException gone) {
                            // deleted while listing: not an object any more
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (!(e instanceof NoSuchFileException)) {
                        LOG.warnf("skipping %s while listing bucket %s: %s", file, bucket, e);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new StoreException("cannot list prefix '" + p + "' in bucket " + bucket + ": " + e, e);
        }
        out.sort(Comparator.comparing(ObjectInfo::key));
        return out;
    }

    @Override
    public void delete(String key) {
        Path file = paths.resolve(key);
        if (paths.crossesLinkedFolder(key)) {
            throw new StoreException("refusing to delete " + key + " in bucket " + bucket
                    + ": a folder on its path is a symbolic link, so the file is not the bucket's to delete");
        }
        try {
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                return; // a folder is not an object; like S3, deleting a missing key is no error
            }
            synchronized (lockFor(key)) {
                // deleteIfExists removes a symbolic link itself, never its target; for a hard link it
                // removes only this name, so the user's original survives either way.
                Files.deleteIfExists(file);
                Files.deleteIfExists(sidecarOf(key));
            }
        } catch (IOException e) {
            throw new StoreException("cannot delete " + key + " from bucket " + bucket + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return "directory bucket " + bucket + " at " + root;
    }

    private Optional<ObjectInfo> describe(String key, Path file) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class); // follows links
        if (!attrs.isRegularFile()) {
            return Optional.empty();
        }
        FileStamp stamp = FileStamp.of(attrs);
        Path sidecarFile = sidecarOf(key);
        Optional<Sidecar> cached = Sidecar.read(sidecarFile);
        if (cached.isPresent() && cached.get().stamp().equals(stamp)) {
            return Optional.of(info(key, attrs, cached.get().etag(), cached.get().metadata()));
        }
        // Arrived by other means (copied in, linked, or changed in place): hash it now and cache the
        // result, but only if the file did not change while it was being read.
        for (int attempt = 1; ; attempt++) {
            String etag = Md5.of(file);
            BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
            FileStamp afterStamp = FileStamp.of(after);
            if (afterStamp.equals(stamp)) {
                cache(key, file, new Sidecar(stamp, etag, Map.of()), sidecarFile);
                return Optional.of(info(key, attrs, etag, Map.of()));
            }
            if (attempt == HASH_ATTEMPTS) {
                return Optional.of(info(key, after, etag, Map.of()));
            }
            attrs = after;
            stamp = afterStamp;
        }
    }

    private void cache(String key, Path file, Sidecar sidecar, Path sidecarFile) {
        synchronized (lockFor(key)) {
            try {
                // Re-checked under the lock so a concurrent put's fresh sidecar is never overwritten.
                FileStamp now = FileStamp.of(Files.readAttributes(file, BasicFileAttributes.class));
                if (now.equals(sidecar.stamp())) {
                    sidecar.write(sidecarFile, tmpDir);
                }
            } catch (IOException e) {
                // Only a cache: a read-only bucket still works, it just hashes again next time.
                LOG.debugf("cannot cache the ETag of %s in bucket %s: %s", key, bucket, e);
            }
        }
    }

    private String writeExactly(InputStream data, long length, Path tmp, String key) throws IOException {
        MessageDigest md5 = Md5.newDigest();
        byte[] buffer = new byte[BUFFER];
        long remaining = length;
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(channel)) {
            while (remaining > 0) {
                int n = data.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new StoreException("cannot put " + key + " into bucket " + bucket + ": the stream ended after "
                            + (length - remaining) + " of the " + length + " bytes announced");
                }
                md5.update(buffer, 0, n);
                out.write(buffer, 0, n);
                remaining -= n;
            }
            out.flush();
            // Durable before it becomes visible: a crash must not leave an empty file under the key.
            channel.force(true);
        }
        return Md5.hex(md5);
    }

    /** The target folder is on another file system (a linked folder): stage next to it, hidden, then rename. */
    private BasicFileAttributes moveAcrossFileSystems(Path tmp, Path target, String etag, Map<String, String> meta,
                                                      String key) throws IOException {
        Path sibling = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Files.copy(tmp, sibling, StandardCopyOption.COPY_ATTRIBUTES);
            BasicFileAttributes attrs = Files.readAttributes(sibling, BasicFileAttributes.class);
            new Sidecar(FileStamp.of(attrs), etag, meta).write(sidecarOf(key), tmpDir);
            Files.move(sibling, target, StandardCopyOption.ATOMIC_MOVE);
            return attrs;
        } finally {
            deleteQuietly(sibling);
        }
    }

    /** The deepest folder every matching key lies under, so listing "incoming/" does not walk "out/". */
    private Path startFor(String prefix) {
        int slash = prefix.lastIndexOf('/');
        if (slash <= 0) {
            return root;
        }
        try {
            return paths.resolve(prefix.substring(0, slash));
        } catch (IllegalArgumentException e) {
            return root; // an odd prefix matches nothing below; filtering by prefix will drop everything
        }
    }

    /**
     * {@code a/b/c} keeps its sidecar in {@code meta/a.d/b.d/c.meta}: folders and files get different
     * suffixes, so keys like {@code x} and {@code x.meta/y} cannot need the same path as file and folder.
     */
    private Path sidecarOf(String key) {
        String[] segments = key.split("/");
        Path p = metaDir;
        for (int i = 0; i < segments.length - 1; i++) {
            p = p.resolve(segments[i] + ".d");
        }
        return p.resolve(segments[segments.length - 1] + ".meta");
    }

    private Object lockFor(String key) {
        return keyLocks[Math.floorMod(key.hashCode(), keyLocks.length)];
    }

    private static ObjectInfo info(String key, BasicFileAttributes attrs, String etag, Map<String, String> meta) {
        return new ObjectInfo(key, attrs.size(), etag, attrs.lastModifiedTime().toInstant(), meta);
    }

    /** Like S3, metadata names are case-insensitive and come back in lower case. */
    private static Map<String, String> normalize(Map<String, String> metadata) {
        Map<String, String> out = new TreeMap<>();
        if (metadata != null) {
            metadata.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v == null ? "" : v));
        }
        return out;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debugf("cannot remove temp file %s: %s", file, e);
        }
    }
}
