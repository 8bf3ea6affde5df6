package io.vidscore.events;

/**
 * One object-created notification, whatever carried it (S3 notification, CloudEvent, EventBridge,
 * directory watcher, list poller or the in-process dispatcher). Keys are decoded (no URL escapes).
 */
public record ObjectCreated(String bucket, String key, long size, String etag, String versionId, String sequencer) {
    public ObjectCreated {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("object-created event without an object key");
        }
        etag = etag == null ? "" : etag.replace("\"", "");
    }
}
