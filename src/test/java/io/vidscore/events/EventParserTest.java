package io.vidscore.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventParserTest {

    /** An S3 event notification as S3 delivers it (and as a console's test event holds it). */
    static String s3Event(String bucket, String encodedKey, String eTag) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                  "eventTime":"2026-11-22T10:00:00.000Z","eventName":"ObjectCreated:Put",
                  "userIdentity":{"principalId":"EXAMPLE"},"requestParameters":{"sourceIPAddress":"127.0.0.1"},
                  "responseElements":{"x-amz-request-id":"EXAMPLE123456789","x-amz-id-2":"EXAMPLE123/abc"},
                  "s3":{"s3SchemaVersion":"1.0","configurationId":"testConfigRule",
                    "bucket":{"name":"%s","ownerIdentity":{"principalId":"EXAMPLE"},"arn":"arn:aws:s3:::%s"},
                    "object":{"key":"%s","size":1024,"eTag":"%s","sequencer":"0A1B2C3D4E5F678901"}}}]}
                """.formatted(bucket, bucket, encodedKey, eTag);
    }

    @Test
    void decodesS3KeysWithPlusForSpaceAndPercentEscapes() {
        List<ObjectCreated> events = EventParser.parse(s3Event("videos", "incoming/Caf%C3%A9+del+mar+%2B+1.mp4", "0123456789abcdef0123456789abcdef"));
        assertEquals(1, events.size());
        ObjectCreated e = events.get(0);
        assertEquals("videos", e.bucket());
        assertEquals("incoming/Café del mar + 1.mp4", e.key());
        assertEquals(1024, e.size());
        assertEquals("0123456789abcdef0123456789abcdef", e.etag());
        assertEquals("0A1B2C3D4E5F678901", e.sequencer());
    }

    @Test
    void acceptsStructuredCloudEventWithObjectStringOrBase64Data() {
        String s3 = s3Event("videos", "incoming/a+b.mp4", "e1");
        String asObject = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"aws:s3\",\"type\":\"com.amazonaws.s3.ObjectCreated\",\"data\":" + s3 + "}";
        String asString = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\",\"data\":" + quote(s3) + "}";
        String asBase64 = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\",\"data_base64\":\""
                + Base64.getEncoder().encodeToString(s3.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\"}";
        for (String json : List.of(asObject, asString, asBase64)) {
            List<ObjectCreated> events = EventParser.parse(json);
            assertEquals(1, events.size(), json);
            assertEquals("incoming/a b.mp4", events.get(0).key());
        }
    }

    @Test
    void acceptsEventBridgeObjectCreated() {
        String json = """
                {"version":"0","id":"x","detail-type":"Object Created","source":"aws.s3","account":"1","time":"2026-11-22T10:00:00Z",
                 "region":"us-east-1","resources":["arn:aws:s3:::videos"],
                 "detail":{"version":"0","bucket":{"name":"videos"},"object":{"key":"incoming/clip+1.mp4","size":5,"etag":"abc","sequencer":"1"},
                   "request-id":"r","requester":"q","reason":"PutObject"}}""";
        ObjectCreated e = EventParser.parse(json).get(0);
        assertEquals("videos", e.bucket());
        assertEquals("incoming/clip 1.mp4", e.key());
        assertEquals("abc", e.etag());
    }

    @Test
    void sqsEnvelopeAndMultipleRecords() {
        String sqs = "{\"Records\":[{\"messageId\":\"1\",\"body\":" + quote(s3Event("b", "incoming/x.mp4", "e")) + "},"
                + "{\"messageId\":\"2\",\"body\":" + quote(s3Event("b", "incoming/y.mp4", "f")) + "}]}";
        List<ObjectCreated> events = EventParser.parse(sqs);
        assertEquals(List.of("incoming/x.mp4", "incoming/y.mp4"), events.stream().map(ObjectCreated::key).toList());
    }

    @Test
    void removalsAndTestEventsYieldNothing() {
        String removed = s3Event("b", "incoming/x.mp4", "e").replace("ObjectCreated:Put", "ObjectRemoved:Delete");
        assertTrue(EventParser.parse(removed).isEmpty());
        String test = "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"2026-11-22T10:00:00Z\",\"Bucket\":\"b\"}";
        assertTrue(EventParser.parse(test).isEmpty());
    }

    @Test
    void unknownShapesAreRejectedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventParser.parse("{\"hello\":1}"));
        assertTrue(e.getMessage().contains("S3 notification"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EventParser.parse("not json"));
        String noKey = s3Event("b", "", "e");
        assertThrows(IllegalArgumentException.class, () -> EventParser.parse(noKey));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
