package io.vidscore.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the directory bucket knows about one file beyond the file itself: its ETag and user metadata,
 * valid for one {@link FileStamp}. Stored as a properties file under {@code .vidscore/meta/<key>.meta}
 * and replaced atomically, so readers never see half a sidecar.
 */
record Sidecar(FileStamp stamp, String etag, Map<String, String> metadata) {
    private static final String META_PREFIX = "meta.";

    static Optional<Sidecar> read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            FileStamp stamp = new FileStamp(Long.parseLong(p.getProperty("size")),
                    Long.parseLong(p.getProperty("mtimeNanos")), p.getProperty("fileKey", ""));
            Map<String, String> metadata = new TreeMap<>();
            for (String name : p.stringPropertyNames()) {
                if (name.startsWith(META_PREFIX)) {
                    metadata.put(name.substring(META_PREFIX.length()), p.getProperty(name));
                }
            }
            String etag = p.getProperty("etag");
            return etag == null ? Optional.empty() : Optional.of(new Sidecar(stamp, etag, metadata));
        } catch (RuntimeException e) {
            // A damaged sidecar is only a cache miss: the ETag is recomputed from the file.
            return Optional.empty();
        }
    }

    /** Writes to a temp file in {@code tmpDir}, then renames over {@code file}. */
    void write(Path file, Path tmpDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("size", Long.toString(stamp.size()));
        p.setProperty("mtimeNanos", Long.toString(stamp.mtimeNanos()));
        p.setProperty("fileKey", stamp.fileKey());
        p.setProperty("etag", etag);
        metadata.forEach((k, v) -> p.setProperty(META_PREFIX + k, v));
        Files.createDirectories(tmpDir);
        Files.createDirectories(file.getParent());
        Path tmp = tmpDir.resolve(UUID.randomUUID() + ".meta");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, null);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
