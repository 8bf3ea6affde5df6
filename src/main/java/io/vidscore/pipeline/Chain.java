package io.vidscore.pipeline;

import io.vidscore.events.ObjectCreated;
import io.vidscore.store.ObjectStore;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The three functions over one bucket, and the dispatch of an object-created event to the function the
 * routing table names. The HTTP functions, the CLI, the watcher and the poller all come through here.
 */
public final class Chain {
    private static final Logger LOG = Logger.getLogger(Chain.class.getName());

    private final ObjectStore store;
    private final ExtractFramesStage extract;
    private final EncodeVideoStage encode;
    private final GenerateMusicStage generate;

    public Chain(ObjectStore store, ChainSettings settings, Progress progress) {
        MusicEngines.validate(settings.engine(), settings.neural()); // an unknown engine is a configuration error: say so before any work
        this.store = store;
        this.extract = new ExtractFramesStage(store, settings, progress);
        this.encode = new EncodeVideoStage(store, settings, progress);
        this.generate = new GenerateMusicStage(store, settings, progress);
    }

    public ObjectStore store() {
        return store;
    }

    /** Runs whichever function the key routes to; keys that route nowhere are ignored. */
    public StageOutcome dispatch(ObjectCreated event) {
        Optional<StageName> stage = StageName.route(event.key());
        if (stage.isEmpty()) {
            return new StageOutcome("-", event.key(), StageOutcome.IGNORED, "no function is triggered by this key", null);
        }
        return handle(stage.get(), event);
    }

    /** Runs one function for one event, as its HTTP endpoint does; an event routed elsewhere is ignored. */
    public StageOutcome handle(StageName function, ObjectCreated event) {
        Optional<StageName> routed = StageName.route(event.key());
        if (routed.isEmpty() || routed.get() != function) {
            return new StageOutcome(function.functionName(), event.key(), StageOutcome.IGNORED,
                    routed.map(s -> "this key triggers " + s.functionName()).orElse("no function is triggered by this key"), null);
        }
        if (!event.bucket().equals(store.bucket())) {
            return new StageOutcome(function.functionName(), event.key(), StageOutcome.IGNORED,
                    "event for bucket " + event.bucket() + ", this deployment serves " + store.bucket(), null);
        }
        StageOutcome outcome = switch (function) {
            case EXTRACT_FRAMES -> extract.handle(event);
            case ENCODE_VIDEO -> encode.handle(event);
            case GENERATE_MUSIC -> generate.handle(event);
        };
        LOG.log(outcome.failed() ? Level.WARNING : Level.FINE, "{0} {1}: {2} ({3}) job={4}",
                new Object[] {outcome.function(), outcome.key(), outcome.status(), outcome.detail(), outcome.jobId()});
        return outcome;
    }
}
