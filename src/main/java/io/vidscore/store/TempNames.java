package io.vidscore.store;

import java.util.List;

/**
 * Names of files that are not (yet) objects: hidden files and the partial files that browsers, copy tools
 * and editors leave while they write. The directory bucket does not list them and the directory watcher
 * does not announce them, so neither ever hands a half-written video to the pipeline.
 */
public final class TempNames {
    private static final List<String> TEMP_SUFFIXES = List.of(".part", ".tmp", ".crdownload", ".partial", "~");

    private TempNames() {
    }

    /** True for one path segment (a file or folder name) that must be ignored. */
    public static boolean isTransient(String name) {
        if (name.isEmpty() || name.startsWith(".")) {
            return true;
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String suffix : TEMP_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
