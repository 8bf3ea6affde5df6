package io.vidscore.store;

import java.net.URI;

import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The one S3 client configuration vidscore uses, shared by {@link S3ObjectStore#connect} and the tests so
 * that tests exercise exactly what production runs. Credentials and region are left to the caller.
 */
public final class S3Clients {
    private S3Clients() {
    }

    /**
     * A builder with the URL connection HTTP client, path-style addressing when asked, and, for an
     * S3-compatible endpoint, checksums only where the API requires them.
     */
    public static S3ClientBuilder builder(URI endpointOrNull, boolean pathStyle) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .forcePathStyle(pathStyle)
                .overrideConfiguration(o -> o.addExecutionInterceptor(new NoExpectContinue()));
        if (endpointOrNull != null) {
            // SDK 2.30+ sends CRC trailers in aws-chunked bodies by default; many S3-compatible servers
            // reject those, and AWS itself only requires them for a few operations.
            builder.endpointOverride(endpointOrNull)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder;
    }

    /**
     * Drops the {@code Expect: 100-continue} header the SDK adds to uploads. The JDK's HttpURLConnection
     * handles it poorly: on a reused keep-alive connection a PUT intermittently fails with "Unexpected end
     * of file from server", thrown as an UncheckedIOException that bypasses the SDK's retries (seen against
     * S3Proxy/Jetty in about one PUT in a hundred). Without it the body is sent straight away, which costs
     * only a wasted upload when the server would have refused the request anyway.
     */
    static final class NoExpectContinue implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            SdkHttpRequest request = context.httpRequest();
            return request.firstMatchingHeader("Expect").isPresent()
                    ? request.toBuilder().removeHeader("Expect").build()
                    : request;
        }
    }
}
