package io.vidscore.pipeline;

import io.vidscore.store.ObjectStore;
import java.time.Instant;
import java.util.Map;

/** Records why an input could not be scored, next to the outputs a user looks for. */
final class Failures {
    private Failures() {
    }

    static void record(ObjectStore store, String stage, String name, String inputKey, String etag, String jobId, String reason) {
        FailureRecord record = new FailureRecord(stage, reason, inputKey, store.bucket(), etag, jobId, Instant.now().toString());
        store.put(BucketLayout.failed(name), Json.bytes(record), Map.of());
    }
}
