package io.vidscore.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A listener that records events so a test can wait for them (or for their absence). */
final class EventCollector implements Consumer<ObjectCreated> {
    private final List<ObjectCreated> events = new ArrayList<>();
    private final List<Long> arrivalNanos = new ArrayList<>();

    @Override
    public synchronized void accept(ObjectCreated event) {
        events.add(event);
        arrivalNanos.add(System.nanoTime());
        notifyAll();
    }

    synchronized List<ObjectCreated> events() {
        return List.copyOf(events);
    }

    synchronized long arrivalNanos(int index) {
        return arrivalNanos.get(index);
    }

    /** Waits until {@code count} events matching {@code which} arrived; returns all events so far. */
    synchronized List<ObjectCreated> await(int count, Predicate<ObjectCreated> which, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.stream().filter(which).count() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " matching events within " + timeout + ", got " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(events);
    }

    List<ObjectCreated> awaitKey(String key, int count, Duration timeout) throws InterruptedException {
        return await(count, e -> e.key().equals(key), timeout);
    }
}
