package io.vidscore.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.vidscore.store.ObjectInfo;
import io.vidscore.store.ObjectStore;

/**
 * Object-created events for stores that cannot notify (S3-compatible servers without notifications, or
 * no permission to configure them): lists the prefix every {@code interval} and announces each
 * (key, ETag) not seen before. The first poll announces everything present, since downstream handling is
 * idempotent; an overwritten object (new ETag) is announced again; a deleted and re-uploaded one too.
 *
 * <p>S3 writes are atomic, so a listed object is always complete; no settle time is needed. Listing
 * errors are logged and retried at the next interval; a listener that throws is offered the object again
 * at the next poll.
 */
public final class S3Poller implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(S3Poller.class);

    private final ObjectStore store;
    private final String prefix;
    private final Consumer<ObjectCreated> listener;
    private final Duration interval;
    /** ETag last announced per key still present. */
    private final Map<String, String> seen = new HashMap<>();

    private volatile boolean running;
    private volatile Thread thread;

    public S3Poller(ObjectStore store, String prefix, Consumer<ObjectCreated> listener, Duration interval) {
        this.store = Objects.requireNonNull(store, "store");
        this.prefix = prefix == null ? "" : prefix;
        this.listener = Objects.requireNonNull(listener, "listener");
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive, was " + interval
                    + " for bucket " + store.bucket());
        }
        this.interval = interval;
    }

    /** Polls on a daemon thread, the first time straight away. */
    public S3Poller start() {
        if (thread != null) { // start() is meant to be called once, from the thread that built the poller
            throw new IllegalStateException("poller of bucket " + store.bucket() + " already started");
        }
        running = true;
        Thread t = new Thread(this::run, "vidscore-poll-" + store.bucket());
        t.setDaemon(true);
        thread = t;
        t.start();
        return this;
    }

    /**
     * Lists once and announces what is new or changed.
     *
     * @return how many events were delivered
     * @throws io.vidscore.store.StoreException when listing fails
     */
    public synchronized int pollOnce() {
        int delivered = 0;
        Set<String> present = new HashSet<>();
        for (ObjectInfo info : store.list(prefix)) {
            present.add(info.key());
            if (info.etag().equals(seen.get(info.key()))) {
                continue;
            }
            try {
                listener.accept(new ObjectCreated(store.bucket(), info.key(), info.size(), info.etag(), null, null));
                seen.put(info.key(), info.etag());
                delivered++;
            } catch (RuntimeException e) {
                LOG.errorf(e, "listener failed for %s in bucket %s; offering it again at the next poll",
                        info.key(), store.bucket());
            }
        }
        seen.keySet().retainAll(present);
        return delivered;
    }

    /** Stops the thread (not synchronized: it must not wait for a poll in progress to finish). */
    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                LOG.warnf("cannot list prefix '%s' of bucket %s, retrying in %s: %s", prefix, store.bucket(),
                        interval, e.getMessage());
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
