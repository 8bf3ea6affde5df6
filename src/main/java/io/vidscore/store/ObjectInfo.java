package io.vidscore.store;

import java.time.Instant;
import java.util.Map;

/** What a store knows of one object: enough to derive a job id and to check completeness. */
public record ObjectInfo(String key, long size, String etag, Instant lastModified, Map<String, String> metadata) {
    public ObjectInfo {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
