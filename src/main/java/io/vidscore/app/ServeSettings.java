package io.vidscore.app;

import io.vidscore.music.MusicRequest;
import io.vidscore.pipeline.NeuralOptions;
import java.net.URI;
import java.time.Duration;

/**
 * Where the service's bucket is and how it learns of new objects.
 *
 * @param events watch (directory bucket), poll (list incoming/ periodically) or push (only the HTTP
 *               functions, fed by the store's notifications)
 */
record ServeSettings(String store, String bucket, URI s3Endpoint, boolean pathStyle, String events, Duration pollInterval,
        int workers, String engine, long seed, MusicRequest.Overrides overrides, NeuralOptions neural) {

    static final String STORE_DIR = "dir";
    static final String STORE_S3 = "s3";
    static final String EVENTS_WATCH = "watch";
    static final String EVENTS_POLL = "poll";
    static final String EVENTS_PUSH = "push";

    ServeSettings {
        if (STORE_DIR.equals(store) && !EVENTS_WATCH.equals(events) && !EVENTS_PUSH.equals(events)) {
            throw new IllegalArgumentException("a directory bucket is watched (--events watch) or fed over HTTP (--events push), not " + events);
        }
        if (STORE_S3.equals(store) && EVENTS_WATCH.equals(events)) {
            throw new IllegalArgumentException("an S3 bucket cannot be watched: use --events poll or --events push");
        }
    }
}
