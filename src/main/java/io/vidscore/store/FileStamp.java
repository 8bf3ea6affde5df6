package io.vidscore.store;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * Identity of one version of a file: size, modification time and inode. A cached ETag is valid only for
 * the stamp it was computed for, so a file changed in place (or replaced by a rename) is hashed again.
 */
record FileStamp(long size, long mtimeNanos, String fileKey) {

    static FileStamp of(BasicFileAttributes attrs) {
        Object key = attrs.fileKey();
        return new FileStamp(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                key == null ? "" : key.toString());
    }
}
