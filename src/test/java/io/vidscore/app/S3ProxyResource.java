package io.vidscore.app;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vidscore.testing.S3ProxyServer;
import java.util.Map;

/** A real S3 API server (S3Proxy, in-process, loopback) for the Quarkus tests, with the service pointed at it in push mode. */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {
    static final String BUCKET = "videos";
    static S3ProxyServer server;

    @Override
    public Map<String, String> start() {
        server = new S3ProxyServer();
        server.createBucket(BUCKET);
        // The service finds credentials and region through the standard AWS provider chains.
        System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
        System.setProperty("aws.region", S3ProxyServer.REGION.id());
        return Map.of("vidscore.store", "s3", "vidscore.s3.endpoint", server.endpoint().toString(), "vidscore.s3.path-style", "true",
                "vidscore.bucket", BUCKET, "vidscore.events", "push");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
