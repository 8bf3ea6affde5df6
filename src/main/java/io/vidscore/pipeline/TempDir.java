package io.vidscore.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A scratch folder for one invocation, removed when it ends however it ends. */
final class TempDir implements AutoCloseable {
    private final Path path;

    TempDir(String purpose) {
        try {
            path = Files.createTempDirectory("vidscore-" + purpose + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
    }

    Path resolve(String name) {
        return path.resolve(name);
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the OS cleans its temp folder eventually
        }
    }
}
