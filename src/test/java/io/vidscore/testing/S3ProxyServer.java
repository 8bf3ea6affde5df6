package io.vidscore.testing;

import java.net.URI;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

import io.vidscore.store.S3Clients;
import io.vidscore.store.S3ObjectStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API server for tests: S3Proxy in this JVM, on 127.0.0.1 only, on a port the OS picks, over an
 * in-memory ("transient") blob store, checking AWS Signature V4 with {@link #ACCESS_KEY}/{@link #SECRET_KEY}.
 * Nothing leaves the loopback interface and nothing is written to disk.
 *
 * <pre>{@code
 * try (S3ProxyServer s3 = new S3ProxyServer()) {
 *     s3.createBucket("videos");
 *     ObjectStore store = s3.store("videos");
 * }
 * }</pre>
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "vidscore-test-access";
    public static final String SECRET_KEY = "vidscore-test-secret";
    public static final Region REGION = Region.US_EAST_1;
    private static final long START_TIMEOUT_MS = 10_000;

    private final S3Proxy proxy;
    private final URI endpoint;
    private S3Client client;

    /** Starts the server; it is listening when the constructor returns. */
    public S3ProxyServer() {
        proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
                // Port 0: the OS picks a free port at bind time, so parallel test JVMs cannot collide.
                .endpoint(URI.create("http://127.0.0.1:0"))
                // No graceful drain: idle keep-alive connections would hold every test class's shutdown.
                .stopTimeout(0)
                .build();
        try {
            proxy.start();
            long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start within " + START_TIMEOUT_MS
                            + " ms (state " + proxy.getState() + ")");
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            stopQuietly();
            throw new IllegalStateException("cannot start S3Proxy on 127.0.0.1: " + e, e);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:40123}. */
    public URI endpoint() {
        return endpoint;
    }

    /** A path-style client with the test credentials; shared, closed by {@link #close()}. */
    public synchronized S3Client client() {
        if (client == null) {
            // The production client configuration (S3Clients), with the test credentials.
            client = S3Clients.builder(endpoint, true)
                    .region(REGION)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                    .build();
        }
        return client;
    }

    public void createBucket(String bucket) {
        client().createBucket(b -> b.bucket(bucket));
    }

    /** An {@link S3ObjectStore} over the shared client; the bucket must exist (see {@link #createBucket}). */
    public S3ObjectStore store(String bucket) {
        return new S3ObjectStore(client(), bucket);
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        stopQuietly();
    }

    private void stopQuietly() {
        try {
            proxy.stop();
        } catch (Exception e) {
            // Stopping a test server must not hide the test's own failure.
        }
    }
}
