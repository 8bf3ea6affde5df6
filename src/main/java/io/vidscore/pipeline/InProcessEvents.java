package io.vidscore.pipeline;

import io.vidscore.events.ObjectCreated;
import io.vidscore.store.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The in-process event bus: object-created events published by the store adapter (and by the watcher or
 * poller) queue here and are dispatched to the chain. {@link #drain()} runs them on the caller's thread
 * until the chain goes quiet (CLI, tests); {@link #start(int)} runs them on worker threads (serve).
 */
public final class InProcessEvents implements Consumer<ObjectCreated>, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InProcessEvents.class.getName());

    private final LinkedBlockingQueue<ObjectCreated> queue = new LinkedBlockingQueue<>();
    private final List<StageOutcome> outcomes = new ArrayList<>();
    private final Chain chain;
    private ExecutorService workers;

    private InProcessEvents(ObjectStore store, ChainSettings settings, Progress progress) {
        this.chain = new Chain(new PublishingObjectStore(store, this), settings, progress);
    }

    /**
     * The chain over {@code store} with every write it makes announced back here, as a bucket's
     * notifications would: the in-process wiring the CLI, the watch and poll services and tests share.
     */
    public static InProcessEvents chainOver(ObjectStore store, ChainSettings settings, Progress progress) {
        return new InProcessEvents(store, settings, progress);
    }

    public Chain chain() {
        return chain;
    }

    /** The bucket as the chain sees it: a write through it triggers the function its key routes to. */
    public ObjectStore store() {
        return chain.store();
    }

    @Override
    public void accept(ObjectCreated event) {
        queue.add(event);
    }

    /** Dispatches queued events, and those they cause, until none is left. Returns every outcome in order. */
    public List<StageOutcome> drain() {
        ObjectCreated next;
        while ((next = queue.poll()) != null) {
            StageOutcome outcome = chain.dispatch(next);
            synchronized (outcomes) {
                outcomes.add(outcome);
            }
        }
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    public void start(int threads) {
        workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "vidscore-worker");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < threads; i++) {
            workers.submit(this::work);
        }
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                ObjectCreated event = queue.take();
                StageOutcome o = chain.dispatch(event);
                LOG.log(o.failed() ? Level.WARNING : Level.INFO, "{0} {1}: {2} - {3}",
                        new Object[] {o.function(), o.key(), o.status(), o.detail()});
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // One bad event must not stop the service; the stage already recorded what it could.
                LOG.log(Level.SEVERE, "event dispatch failed: " + e, e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (workers != null) {
            workers.shutdownNow();
            workers.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
