package io.vidscore.pipeline;

import io.vidscore.events.ObjectCreated;
import io.vidscore.store.ObjectInfo;
import io.vidscore.store.ObjectStore;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A store that announces each completed write as an object-created event, as a cloud bucket's
 * notifications would. Used where the chain runs in-process (CLI, directory bucket, polling); in push
 * mode the store's own notifications do this job instead.
 */
public final class PublishingObjectStore implements ObjectStore {
    private final ObjectStore delegate;
    private final Consumer<ObjectCreated> events;

    public PublishingObjectStore(ObjectStore delegate, Consumer<ObjectCreated> events) {
        this.delegate = delegate;
        this.events = events;
    }

    @Override
    public String bucket() {
        return delegate.bucket();
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        return delegate.head(key);
    }

    @Override
    public InputStream get(String key) {
        return delegate.get(key);
    }

    @Override
    public ObjectInfo put(String key, InputStream data, long length, Map<String, String> metadata) {
        ObjectInfo info = delegate.put(key, data, length, metadata);
        if (StageName.route(key).isPresent()) {
            events.accept(new ObjectCreated(bucket(), key, info.size(), info.etag(), null, null));
        }
        return info;
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        return delegate.list(prefix);
    }

    @Override
    public void delete(String key) {
        delegate.delete(key);
    }
}
