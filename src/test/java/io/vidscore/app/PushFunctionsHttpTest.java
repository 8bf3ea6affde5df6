package io.vidscore.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vidscore.media.MediaProbe;
import io.vidscore.media.ProbeResult;
import io.vidscore.pipeline.BucketLayout;
import io.vidscore.pipeline.Json;
import io.vidscore.store.ObjectInfo;
import io.vidscore.store.S3ObjectStore;
import io.vidscore.testing.TestVideos;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Push mode over HTTP against a real S3 API server: the functions run only when S3-style events are
 * POSTed to them, exactly as S3 (or a console's test box) sends them. The test plays S3's notification
 * role for the intermediate objects, delivering them shuffled, duplicated and CloudEvent-wrapped.
 */
@QuarkusTest
@QuarkusTestResource(value = S3ProxyResource.class, restrictToAnnotatedClass = true)
class PushFunctionsHttpTest {

    @Test
    void s3NotificationsDriveTheChainToTheOutputs() throws Exception {
        S3ObjectStore bucket = S3ProxyResource.server.store(S3ProxyResource.BUCKET);
        Path dir = Files.createTempDirectory("push");
        String key = "incoming/Mon clip + été.mp4";
        bucket.putFile(key, TestVideos.rhythmic(dir.resolve("clip.mp4")), Map.of());
        ObjectInfo uploaded = bucket.head(key).orElseThrow();

        String event = s3Event(S3ProxyResource.BUCKET, key, uploaded);
        given().contentType("application/json").body(event).post("/extract-frames")
                .then().statusCode(200).body("status", hasItem("done"));
        // At-least-once delivery: the same notification again does no new work.
        given().contentType("application/json").body(event).post("/extract-frames")
                .then().statusCode(200).body("[0].status", equalTo("skipped"));
        // An event for another stage's key is ignored by this function.
        given().contentType("application/json").body(event).post("/generate-music")
                .then().statusCode(200).body("[0].status", equalTo("ignored"));

        for (ObjectInfo o : bucket.list(BucketLayout.JOBS)) {
            if (o.key().endsWith(BucketLayout.FRAMES_SUFFIX)) {
                given().contentType("application/json").body(cloudEvent(s3Event(S3ProxyResource.BUCKET, o.key(), o)))
                        .post("/encode-video").then().statusCode(200).body("[0].status", equalTo("done"));
            }
        }
        List<ObjectInfo> toGenerate = new ArrayList<>();
        for (ObjectInfo o : bucket.list(BucketLayout.JOBS)) {
            if (o.key().endsWith(BucketLayout.FEATURES_SUFFIX) || o.key().endsWith(BucketLayout.MANIFEST_SUFFIX)) {
                toGenerate.add(o);
                toGenerate.add(o);
            }
        }
        Collections.shuffle(toGenerate, new Random(5));
        List<String> statuses = new ArrayList<>();
        for (ObjectInfo o : toGenerate) {
            statuses.add(given().contentType("application/json").body(s3Event(S3ProxyResource.BUCKET, o.key(), o))
                    .post("/generate-music").then().statusCode(200).extract().path("[0].status"));
        }
        assertEquals(1, Collections.frequency(statuses, "done"), "music generated exactly once: " + statuses);

        String stem = "Mon clip + été";
        JsonNode report = Json.tree(bucket.getBytes(BucketLayout.report(stem)));
        assertEquals(key, report.get("source").asText());
        assertEquals(8.0, report.get("duration_s").asDouble(), 0.05);
        Path scored = bucket.download(BucketLayout.scored(stem), dir.resolve("scored.mp4"));
        ProbeResult probe = MediaProbe.probe(scored);
        assertEquals(1, probe.audioStreams().size());
        assertEquals("aac", probe.audioStreams().get(0).codec());
        assertTrue(bucket.exists(BucketLayout.soundtrack(stem)));
        assertTrue(bucket.exists(key), "the upload stays");
    }

    @Test
    void aConsoleTestEventForAMissingObjectIsHarmless() {
        String event = s3Event(S3ProxyResource.BUCKET, "incoming/never uploaded.mp4", new ObjectInfo("x", 1, "abc", null, Map.of()));
        given().contentType("application/json").body(event).post("/extract-frames")
                .then().statusCode(200).body("[0].status", equalTo("skipped"));
    }

    @Test
    void aMalformedEventIsRejectedWithItsReason() {
        given().contentType("application/json").body("{\"hello\":1}").post("/encode-video")
                .then().statusCode(200).body("[0].status", equalTo("rejected"))
                .body("[0].detail", org.hamcrest.Matchers.containsString("S3 notification"));
    }

    /** The notification body exactly as S3 sends it: the key URL-encoded with '+' for spaces. */
    static String s3Event(String bucket, String key, ObjectInfo o) {
        String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1","eventTime":"2026-11-22T10:00:00.000Z",
                "eventName":"ObjectCreated:Put","userIdentity":{"principalId":"EXAMPLE"},"requestParameters":{"sourceIPAddress":"127.0.0.1"},
                "responseElements":{"x-amz-request-id":"EXAMPLE123456789","x-amz-id-2":"EXAMPLE123/abcdefghijklmnopqrstuvwxyz"},
                "s3":{"s3SchemaVersion":"1.0","configurationId":"vidscore","bucket":{"name":"%s","ownerIdentity":{"principalId":"EXAMPLE"},
                "arn":"arn:aws:s3:::%s"},"object":{"key":"%s","size":%d,"eTag":"%s","sequencer":"0A1B2C3D4E5F678901"}}}]}
                """.formatted(bucket, bucket, encoded, o.size(), o.etag());
    }

    static String cloudEvent(String s3) {
        return "{\"specversion\":\"1.0\",\"id\":\"ce-1\",\"source\":\"knative://s3\",\"type\":\"com.amazonaws.s3.ObjectCreated\","
                + "\"datacontenttype\":\"application/json\",\"data\":" + s3 + "}";
    }
}
