package io.vidscore.store;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A bucket of AWS S3 or any S3-compatible store, through AWS SDK v2 with the JDK's URL connection client
 * (no Netty or Apache client: smaller native images and cold starts).
 *
 * <p>S3 puts are atomic by nature. ETags are returned without the quotes S3 puts around them; metadata
 * names come back in lower case, as S3 stores them. {@link #list} does not return user metadata (S3's
 * listing has none); {@link #head} does.
 */
public final class S3ObjectStore implements ObjectStore, AutoCloseable {
    /** S3's own maximum page size. */
    private static final int DEFAULT_PAGE_SIZE = 1000;

    private final S3Client s3;
    private final String bucket;
    private final boolean ownsClient;
    private final int pageSize;

    /** Uses a client someone else configured and closes; this store never closes it. */
    public S3ObjectStore(S3Client s3, String bucket) {
        this(s3, bucket, false, DEFAULT_PAGE_SIZE);
    }

    private S3ObjectStore(S3Client s3, String bucket, boolean ownsClient, int pageSize) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("an S3 object store needs a bucket name");
        }
        this.s3 = java.util.Objects.requireNonNull(s3, "s3 client");
        this.bucket = bucket;
        this.ownsClient = ownsClient;
        this.pageSize = pageSize;
    }

    /** The same store listing {@code pageSize} keys per request; lets tests cross page boundaries cheaply. */
    S3ObjectStore withListPageSize(int pageSize) {
        return new S3ObjectStore(s3, bucket, false, pageSize);
    }

    /**
     * A store for {@code bucket} on AWS S3 ({@code endpointOrNull == null}) or on an S3-compatible server,
     * with credentials and region from the standard AWS chains (environment, system properties, profile
     * files, container and instance roles). {@code pathStyle} selects {@code endpoint/bucket/key} URLs,
     * which most self-hosted servers need. The store owns the client: close it to release connections.
     */
    public static S3ObjectStore connect(URI endpointOrNull, String bucket, boolean pathStyle) {
        S3Client client = S3Clients.builder(endpointOrNull, pathStyle)
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .region(region(endpointOrNull))
                .build();
        return new S3ObjectStore(client, bucket, true, DEFAULT_PAGE_SIZE);
    }

    private static Region region(URI endpointOrNull) {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkException e) {
            if (endpointOrNull != null) {
                // S3-compatible servers mostly ignore the region, but SigV4 needs one to sign with.
                return Region.US_EAST_1;
            }
            throw new StoreException("no AWS region configured for bucket " + bucketHint(endpointOrNull)
                    + ": set AWS_REGION or a profile region, or give an endpoint", e);
        }
    }

    private static String bucketHint(URI endpoint) {
        return endpoint == null ? "on AWS S3" : "at " + endpoint;
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        try {
            HeadObjectResponse r = s3.headObject(b -> b.bucket(bucket).key(key));
            return Optional.of(new ObjectInfo(key, r.contentLength(), unquote(r.eTag()), r.lastModified(),
                    r.metadata()));
        } catch (S3Exception e) {
            if (e instanceof NoSuchKeyException || e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("read metadata of", key, e);
        } catch (SdkException | UncheckedIOException e) {
            throw failure("read metadata of", key, e);
        }
    }

    @Override
    public InputStream get(String key) {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (S3Exception e) {
            if (e instanceof NoSuchKeyException || e.statusCode() == 404) {
                throw new StoreException.NotFound(bucket, key);
            }
            throw failure("open", key, e);
        } catch (SdkException | UncheckedIOException e) {
            throw failure("open", key, e);
        }
    }

    @Override
    public ObjectInfo put(String key, InputStream data, long length, Map<String, String> metadata) {
        Map<String, String> meta = normalize(metadata);
        try {
            // Streams exactly `length` bytes; the SDK needs the length up front for a single-part PUT.
            PutObjectResponse r = s3.putObject(b -> b.bucket(bucket).key(key).contentLength(length).metadata(meta),
                    RequestBody.fromInputStream(data, length));
            // S3's PUT response carries no Last-Modified; the local clock is close enough for callers.
            return new ObjectInfo(key, length, unquote(r.eTag()), Instant.now(), meta);
        } catch (SdkException | UncheckedIOException e) {
            throw failure("put", key, e);
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        List<ObjectInfo> out = new ArrayList<>();
        try {
            // The paginator follows continuation tokens, so buckets beyond 1000 keys are listed whole.
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix == null ? "" : prefix)
                    .maxKeys(pageSize))
                    .contents()) {
                out.add(new ObjectInfo(o.key(), o.size(), unquote(o.eTag()), o.lastModified(), Map.of()));
            }
        } catch (SdkException | UncheckedIOException e) {
            throw new StoreException("cannot list prefix '" + prefix + "' in bucket " + bucket + ": "
                    + e.getMessage(), e);
        }
        // S3 orders by UTF-8 bytes; re-sorted so every ObjectStore lists in the same (String) order.
        out.sort(Comparator.comparing(ObjectInfo::key));
        return out;
    }

    @Override
    public void delete(String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException | UncheckedIOException e) {
            throw failure("delete", key, e);
        }
    }

    /** Closes the client if {@link #connect} created it. */
    @Override
    public void close() {
        if (ownsClient) {
            s3.close();
        }
    }

    @Override
    public String toString() {
        return "S3 bucket " + bucket;
    }

    private StoreException failure(String action, String key, RuntimeException e) {
        return new StoreException("cannot " + action + " " + key + " in bucket " + bucket + ": " + e.getMessage(), e);
    }

    static String unquote(String etag) {
        return etag == null ? "" : etag.replace("\"", "");
    }

    private static Map<String, String> normalize(Map<String, String> metadata) {
        Map<String, String> out = new TreeMap<>();
        if (metadata != null) {
            metadata.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v == null ? "" : v));
        }
        return out;
    }
}
