package io.vidscore.store;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Maps object keys to paths under a directory bucket's root, refusing any key that could escape the root
 * or collide with the store's own bookkeeping folder.
 */
final class KeyPaths {
    /** Where the store keeps temp files and sidecars; never an object. */
    static final String INTERNAL_DIR = ".vidscore";

    private final Path root;
    private final String bucket;

    KeyPaths(Path root, String bucket) {
        this.root = root;
        this.bucket = bucket;
    }

    /** The file of a key; throws IllegalArgumentException naming key and bucket when the key is unusable. */
    Path resolve(String key) {
        validate(key);
        return root.resolve(key);
    }

    /** The key of a file under the root ('/' separated whatever the platform). */
    String keyOf(Path file) {
        Path relative = root.relativize(file);
        StringBuilder key = new StringBuilder();
        for (Path part : relative) {
            if (key.length() > 0) {
                key.append('/');
            }
            key.append(part.toString());
        }
        return key.toString();
    }

    /**
     * True when a folder between the root and the key's file is a symbolic link. Deleting through such a
     * folder would delete a user's original rather than an entry of the bucket.
     */
    boolean crossesLinkedFolder(String key) {
        Path dir = root;
        String[] segments = key.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            dir = dir.resolve(segments[i]);
            if (Files.isSymbolicLink(dir)) {
                return true;
            }
        }
        return false;
    }

    private void validate(String key) {
        if (key == null || key.isEmpty()) {
            throw bad(key, "is empty");
        }
        if (key.startsWith("/")) {
            throw bad(key, "is absolute (starts with '/')");
        }
        if (key.indexOf('\\') >= 0 || key.indexOf('\0') >= 0) {
            throw bad(key, "contains a backslash or NUL, which cannot be mapped to a file portably");
        }
        String[] segments = key.split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty()) {
                throw bad(key, "has an empty segment ('//' or a trailing '/')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw bad(key, "has a '.' or '..' segment");
            }
        }
        if (segments[0].equals(INTERNAL_DIR)) {
            throw bad(key, "is inside the store's reserved folder " + INTERNAL_DIR);
        }
    }

    private IllegalArgumentException bad(String key, String why) {
        return new IllegalArgumentException("invalid key '" + key + "' for bucket " + bucket + ": it " + why);
    }
}
