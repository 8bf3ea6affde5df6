package io.vidscore.events;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.vidscore.store.DirectoryObjectStore;
import io.vidscore.store.ObjectInfo;
import io.vidscore.store.TempNames;

/**
 * Turns files appearing under {@code <bucketRoot>/<prefix>} into {@link ObjectCreated} events for the
 * embedded directory bucket, the way S3 notifications do for a real bucket.
 *
 * <p>A file is announced only once it is complete: its size and modification time stayed the same for
 * {@code settle} and it can be opened. Users copy large videos in with file managers and browsers, which
 * write for minutes; announcing early would transcode half a video. Hidden and temp names
 * ({@link TempNames}) are never announced. Each (key, size, mtime) is announced once; files present at
 * start are announced too, since downstream handling is idempotent.
 *
 * <p>The WatchService only makes detection prompt. A full rescan every second is the source of truth,
 * because WatchService misses events on network, FUSE and container-mounted file systems. A listener that
 * throws is logged and the file is offered again after the next rescan.
 */
public final class DirectoryWatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DirectoryWatcher.class);
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(1);
    private static final long RESCAN_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Path root;
    private final String bucket;
    private final String prefix;
    private final Path watchDir;
    private final Consumer<ObjectCreated> listener;
    private final long settleNanos;
    private final long tickMillis;
    private final DirectoryObjectStore store;

    /** Files seen but not yet stable, by key. Touched by the watcher thread only. */
    private final Map<String, Candidate> pending = new HashMap<>();
    /** The last announced version of each key still present. */
    private final Map<String, Version> announced = new HashMap<>();
    private final Map<WatchKey, Path> watchedDirs = new HashMap<>();

    private volatile boolean running;
    private Thread thread;
    private WatchService watchService;

    public DirectoryWatcher(Path bucketRoot, String bucketName, String prefix, Consumer<ObjectCreated> listener,
                            Duration settle) {
        this.root = bucketRoot.toAbsolutePath().normalize();
        this.bucket = Objects.requireNonNull(bucketName, "bucketName");
        this.prefix = prefix == null ? "" : prefix;
        this.listener = Objects.requireNonNull(listener, "listener");
        Duration s = settle == null ? DEFAULT_SETTLE : settle;
        if (s.isNegative()) {
            throw new IllegalArgumentException("negative settle time " + s + " for bucket " + bucketName);
        }
        this.settleNanos = s.toNanos();
        // Checks a few times per settle period, so an announcement comes at most ~1/4 settle late.
        this.tickMillis = Math.max(20, Math.min(250, s.toMillis() / 4));
        int slash = this.prefix.lastIndexOf('/');
        this.watchDir = slash < 0 ? root : root.resolve(this.prefix.substring(0, slash)).normalize();
        if (!watchDir.startsWith(root)) {
            throw new IllegalArgumentException("prefix '" + prefix + "' points outside bucket " + bucketName);
        }
        this.store = new DirectoryObjectStore(root, bucketName);
    }

    /** With the default settle time of one second. */
    public DirectoryWatcher(Path bucketRoot, String bucketName, String prefix, Consumer<ObjectCreated> listener) {
        this(bucketRoot, bucketName, prefix, listener, DEFAULT_SETTLE);
    }

    /** Starts watching on a daemon thread; files already present are announced once they are stable. */
    public synchronized DirectoryWatcher start() {
        if (thread != null) {
            throw new IllegalStateException("watcher of bucket " + bucket + " already started");
        }
        try {
            watchService = root.getFileSystem().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            LOG.infof("no WatchService for %s (%s); relying on rescans every second", root, e);
        }
        running = true;
        thread = new Thread(this::run, "vidscore-watch-" + bucket);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    @Override
    public synchronized void close() {
        running = false;
        if (watchService != null) {
            try {
                watchService.close(); // wakes the thread out of poll()
            } catch (IOException e) {
                LOG.debugf("closing the WatchService of %s: %s", root, e);
            }
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        long nextRescan = 0;
        while (running) {
            try {
                boolean changed = awaitChanges();
                long now = System.nanoTime();
                if (changed || now - nextRescan >= 0) {
                    rescan(now);
                    nextRescan = now + RESCAN_NANOS;
                }
                checkPending(System.nanoTime());
            } catch (InterruptedException | ClosedWatchServiceException e) {
                if (running) {
                    LOG.warnf("watcher of bucket %s interrupted; stopping", bucket);
                }
                return;
            } catch (RuntimeException | IOException e) {
                // Never let one bad file or a transient I/O error end the watcher.
                LOG.errorf(e, "watching %s for bucket %s failed; retrying", watchDir, bucket);
                sleepQuietly();
            }
        }
    }

    /** Waits up to one tick; true when the WatchService reported something under the watched folders. */
    private boolean awaitChanges() throws InterruptedException {
        if (watchService == null) {
            Thread.sleep(tickMillis);
            return false;
        }
        boolean changed = false;
        for (WatchKey key = watchService.poll(tickMillis, TimeUnit.MILLISECONDS); key != null;
             key = watchService.poll()) {
            for (WatchEvent<?> event : key.pollEvents()) {
                changed |= event.kind() == OVERFLOW || event.kind() == ENTRY_CREATE || event.kind() == ENTRY_MODIFY;
            }
            if (!key.reset()) {
                watchedDirs.remove(key); // the folder is gone
            }
        }
        return changed;
    }

    /** Walks the watched folder: registers new folders, notes new or changed files, forgets removed ones. */
    private void rescan(long now) throws IOException {
        Set<String> present = new HashSet<>();
        if (Files.isDirectory(watchDir, LinkOption.NOFOLLOW_LINKS)) {
            Files.walkFileTree(watchDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(watchDir) && TempNames.isTransient(dir.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE; // .vidscore, .git, partial folders
                    }
                    register(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String key = keyOf(file);
                    if (!TempNames.isTransient(file.getFileName().toString()) && key.startsWith(prefix)) {
                        Version v = versionOf(file);
                        if (v != null) {
                            present.add(key);
                            observe(key, v, now);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (!(e instanceof NoSuchFileException)) {
                        LOG.debugf("cannot read %s in bucket %s: %s", file, bucket, e);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        // A removed file may come back (same name, same size): that is a new arrival to announce.
        announced.keySet().retainAll(present);
        pending.keySet().retainAll(present);
    }

    private void observe(String key, Version v, long now) {
        if (v.equals(announced.get(key))) {
            return;
        }
        Candidate c = pending.get(key);
        if (c == null || !c.version.equals(v)) {
            pending.put(key, new Candidate(v, now)); // new or still being written: the settle clock restarts
        }
    }

    private void checkPending(long now) {
        for (Iterator<Map.Entry<String, Candidate>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Candidate> e = it.next();
            String key = e.getKey();
            Candidate c = e.getValue();
            Version current = versionOf(root.resolve(key));
            if (current == null) {
                it.remove(); // gone, or no longer a file
            } else if (!current.equals(c.version)) {
                e.setValue(new Candidate(current, now));
            } else if (now - c.since >= settleNanos && readable(root.resolve(key))) {
                it.remove();
                announce(key, current, now);
            }
        }
    }

    private void announce(String key, Version v, long now) {
        ObjectInfo info;
        try {
            info = store.head(key).orElse(null);
        } catch (IllegalArgumentException e) {
            LOG.warnf("ignoring %s in bucket %s: %s", key, bucket, e.getMessage());
            announced.put(key, v); // an unusable name does not become usable by retrying
            return;
        }
        if (info == null || info.size() != v.size) {
            return; // changed between the check and the hash: the next rescan sees it as a new version
        }
        ObjectCreated event = new ObjectCreated(bucket, key, info.size(), info.etag(), null,
                String.format("%016x", v.mtimeNanos));
        try {
            listener.accept(event);
            announced.put(key, v);
        } catch (RuntimeException e) {
            LOG.errorf(e, "listener failed for %s in bucket %s; offering it again after the next rescan", key,
                    bucket);
        }
    }

    /** Size and mtime of a regular file (through a link), or null when there is none. */
    private static Version versionOf(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.isRegularFile() ? new Version(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS)) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A writer holding an exclusive lock (Windows) or permissions not yet set keep a file unannounced. */
    private static boolean readable(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void register(Path dir) {
        if (watchService == null || watchedDirs.containsValue(dir)) {
            return;
        }
        try {
            watchedDirs.put(dir.register(watchService, ENTRY_CREATE, ENTRY_MODIFY), dir);
        } catch (IOException | ClosedWatchServiceException e) {
            LOG.debugf("cannot watch %s (rescans still cover it): %s", dir, e);
        }
    }

    private String keyOf(Path file) {
        StringBuilder key = new StringBuilder();
        for (Path part : root.relativize(file)) {
            if (key.length() > 0) {
                key.append('/');
            }
            key.append(part);
        }
        return key.toString();
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(RESCAN_NANOS / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private record Version(long size, long mtimeNanos) {
    }

    private record Candidate(Version version, long since) {
    }
}
