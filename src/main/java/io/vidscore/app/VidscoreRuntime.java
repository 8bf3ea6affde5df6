package io.vidscore.app;

import io.vidscore.events.DirectoryWatcher;
import io.vidscore.events.EventParser;
import io.vidscore.events.ObjectCreated;
import io.vidscore.events.S3Poller;
import io.vidscore.music.MusicRequest;
import io.vidscore.neural.Device;
import io.vidscore.pipeline.NeuralOptions;
import io.vidscore.pipeline.BucketLayout;
import io.vidscore.pipeline.Chain;
import io.vidscore.pipeline.ChainSettings;
import io.vidscore.pipeline.InProcessEvents;
import io.vidscore.pipeline.Json;
import io.vidscore.pipeline.Progress;
import io.vidscore.pipeline.StageName;
import io.vidscore.pipeline.StageOutcome;
import io.vidscore.store.DirectoryObjectStore;
import io.vidscore.store.ObjectStore;
import io.vidscore.store.S3ObjectStore;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The running service: one chain over one bucket, its event sources, and the entry the HTTP functions
 * use. {@code serve} configures it from its options; without that (a container started by a platform,
 * tests) it configures itself from the {@code vidscore.*} properties on first use.
 */
@ApplicationScoped
public class VidscoreRuntime {
    private static final Logger LOG = Logger.getLogger(VidscoreRuntime.class.getName());

    private Chain chain;
    private InProcessEvents events;
    private final List<AutoCloseable> sources = new ArrayList<>();

    public synchronized void start(ServeSettings s) throws Exception {
        if (chain != null) {
            throw new IllegalStateException("already started");
        }
        ObjectStore base = openStore(s);
        ChainSettings chainSettings = ChainSettings.DEFAULT.withEngine(s.engine()).withSeed(s.seed()).withOverrides(s.overrides())
                .withNeural(s.neural());
        Progress log = (stage, fraction, detail) -> { };
        if (ServeSettings.EVENTS_PUSH.equals(s.events())) {
            // The store's notifications drive every stage through the HTTP functions: no in-process chaining.
            chain = new Chain(base, chainSettings, log);
            LOG.info("vidscore: push mode on bucket " + base.bucket() + ": POST events to /extract-frames, /encode-video, /generate-music");
            return;
        }
        events = InProcessEvents.chainOver(base, chainSettings, log);
        chain = events.chain();
        events.start(Math.max(1, s.workers()));
        if (ServeSettings.EVENTS_WATCH.equals(s.events())) {
            Path root = Path.of(s.bucket());
            Files.createDirectories(root.resolve(BucketLayout.INCOMING));
            DirectoryWatcher watcher = new DirectoryWatcher(root, base.bucket(), BucketLayout.INCOMING, events, Duration.ofSeconds(1));
            watcher.start();
            sources.add(watcher);
            LOG.info("vidscore: watching " + root.toAbsolutePath().resolve(BucketLayout.INCOMING) + " for videos");
        } else {
            S3Poller poller = new S3Poller(base, BucketLayout.INCOMING, events, s.pollInterval());
            poller.start();
            sources.add(poller);
            LOG.info("vidscore: polling s3://" + base.bucket() + "/" + BucketLayout.INCOMING + " every " + s.pollInterval().toSeconds() + " s");
        }
    }

    private static ObjectStore openStore(ServeSettings s) throws Exception {
        if (ServeSettings.STORE_S3.equals(s.store())) {
            return S3ObjectStore.connect(s.s3Endpoint(), s.bucket(), s.pathStyle());
        }
        Path root = Path.of(s.bucket());
        Files.createDirectories(root);
        return new DirectoryObjectStore(root, root.toAbsolutePath().normalize().getFileName().toString());
    }

    /** The HTTP functions' entry: every object-created record in the payload, handled by {@code function}. */
    public List<StageOutcome> invoke(StageName function, Map<String, Object> payload) {
        List<ObjectCreated> records;
        try {
            records = EventParser.parse(Json.MAPPER.valueToTree(payload));
        } catch (IllegalArgumentException e) {
            // A malformed event will never parse: answer with the reason rather than a 5xx that queues would retry forever.
            LOG.warning("rejected event for " + function.functionName() + ": " + e.getMessage());
            return List.of(new StageOutcome(function.functionName(), null, StageOutcome.REJECTED, e.getMessage(), null));
        }
        Chain c = chain();
        List<StageOutcome> outcomes = new ArrayList<>();
        for (ObjectCreated e : records) {
            outcomes.add(c.handle(function, e));
        }
        return outcomes; // in watch/poll modes the follow-up stages were queued in-process by the store's writes
    }

    synchronized Chain chain() {
        if (chain == null) {
            try {
                start(fromConfig());
            } catch (Exception e) {
                throw new IllegalStateException("cannot start vidscore: " + e.getMessage(), e);
            }
        }
        return chain;
    }

    /**
     * vidscore.store, vidscore.bucket, vidscore.s3.endpoint, vidscore.s3.path-style, vidscore.events,
     * vidscore.poll-interval-s, vidscore.workers, vidscore.engine, vidscore.seed, vidscore.style, vidscore.bpm, vidscore.key,
     * vidscore.models, vidscore.prompt, vidscore.device.
     */
    static ServeSettings fromConfig() {
        var config = ConfigProvider.getConfig();
        String store = config.getOptionalValue("vidscore.store", String.class).orElse(ServeSettings.STORE_DIR);
        Optional<String> endpoint = config.getOptionalValue("vidscore.s3.endpoint", String.class);
        return new ServeSettings(store,
                config.getOptionalValue("vidscore.bucket", String.class).orElse("bucket"),
                endpoint.map(URI::create).orElse(null),
                config.getOptionalValue("vidscore.s3.path-style", Boolean.class).orElse(false),
                config.getOptionalValue("vidscore.events", String.class).orElse(ServeSettings.STORE_S3.equals(store) ? ServeSettings.EVENTS_PUSH : ServeSettings.EVENTS_WATCH),
                Duration.ofSeconds(config.getOptionalValue("vidscore.poll-interval-s", Integer.class).orElse(5)),
                config.getOptionalValue("vidscore.workers", Integer.class).orElse(1),
                config.getOptionalValue("vidscore.engine", String.class).orElse("composer"),
                config.getOptionalValue("vidscore.seed", Long.class).orElse(0L),
                new MusicRequest.Overrides(config.getOptionalValue("vidscore.style", String.class).orElse(null),
                        config.getOptionalValue("vidscore.bpm", Double.class).orElse(null),
                        config.getOptionalValue("vidscore.key", String.class).orElse(null)),
                new NeuralOptions(config.getOptionalValue("vidscore.models", String.class).map(Path::of).orElse(null),
                        config.getOptionalValue("vidscore.prompt", String.class).orElse(""),
                        Device.parse(config.getOptionalValue("vidscore.device", String.class).orElse("auto")),
                        config.getOptionalValue("vidscore.clip-batch", Integer.class).orElse(NeuralOptions.DEFAULT_CLIP_BATCH)));
    }

    void stop(@Observes ShutdownEvent ev) {
        for (AutoCloseable c : sources) {
            try {
                c.close();
            } catch (Exception ignored) {
                // shutting down
            }
        }
        if (events != null) {
            try {
                events.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
