package io.vidscore.pipeline;

/** The failed/&lt;name&gt;.json document: why an input could not be scored. */
public record FailureRecord(String stage, String reason, String inputKey, String bucket, String etag, String jobId, String time) {
}
