package io.vidscore.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The one parser for every shape an object-created notification arrives in:
 * <ul>
 * <li>an S3 event notification ({@code Records[]}), exactly as S3 sends it or a cloud console's test
 * box holds it: keys are URL-encoded with '+' for space;</li>
 * <li>the same payload wrapped as a structured CloudEvent (Knative, Eventarc): {@code specversion} plus
 * {@code data}, {@code data_base64}, or data as a JSON string;</li>
 * <li>an EventBridge "Object Created" event ({@code detail.bucket.name}, {@code detail.object.key});</li>
 * <li>an SQS-style envelope whose {@code Records[].body} holds one of the above as a string.</li>
 * </ul>
 * Records that are not object-created (deletes, the s3:TestEvent S3 sends when notifications are set up)
 * yield no events; a payload of no known shape is an {@link IllegalArgumentException} with a clear message.
 */
public final class EventParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventParser() {
    }

    public static List<ObjectCreated> parse(String json) {
        try {
            return parse(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event is not valid JSON: " + e.getOriginalMessage());
        }
    }

    public static List<ObjectCreated> parse(JsonNode event) {
        List<ObjectCreated> out = new ArrayList<>();
        collect(event, out, 0);
        return out;
    }

    private static void collect(JsonNode node, List<ObjectCreated> out, int depth) {
        if (node == null || node.isNull() || depth > 4) {
            throw new IllegalArgumentException("event has no recognisable object-created payload");
        }
        if (node.isTextual()) { // a JSON document carried as a string (CloudEvent data, SQS body)
            try {
                collect(JSON.readTree(node.asText()), out, depth + 1);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("event data is not JSON: " + e.getOriginalMessage());
            }
            return;
        }
        if (node.has("specversion")) {
            if (node.hasNonNull("data_base64")) {
                String decoded = new String(Base64.getDecoder().decode(node.get("data_base64").asText()), StandardCharsets.UTF_8);
                collect(JSON.valueToTree(decoded), out, depth + 1);
            } else {
                collect(node.get("data"), out, depth + 1);
            }
            return;
        }
        if (node.has("Records") && node.get("Records").isArray()) {
            for (JsonNode record : node.get("Records")) {
                if (record.has("s3")) {
                    s3Record(record).ifPresent(out::add);
                } else if (record.has("body")) {
                    collect(record.get("body"), out, depth + 1);
                }
            }
            return;
        }
        if (node.has("detail") && node.has("detail-type")) {
            eventBridge(node).ifPresent(out::add);
            return;
        }
        if ("s3:TestEvent".equals(node.path("Event").asText())) {
            return; // S3 sends this once when a notification is configured: nothing to do
        }
        throw new IllegalArgumentException(
                "event is neither an S3 notification (Records[].s3), a CloudEvent (specversion, data) nor an EventBridge Object Created event");
    }

    private static java.util.Optional<ObjectCreated> s3Record(JsonNode record) {
        String name = record.path("eventName").asText("");
        if (!name.startsWith("ObjectCreated:") && !name.startsWith("s3:ObjectCreated:")) {
            return java.util.Optional.empty();
        }
        JsonNode s3 = record.get("s3");
        JsonNode object = s3.path("object");
        String key = decodeS3Key(requireText(object, "key", "Records[].s3.object.key"));
        return java.util.Optional.of(new ObjectCreated(
                requireText(s3.path("bucket"), "name", "Records[].s3.bucket.name"),
                key,
                object.path("size").asLong(-1),
                object.path("eTag").asText(object.path("etag").asText("")),
                textOrNull(object, "versionId"),
                textOrNull(object, "sequencer")));
    }

    private static java.util.Optional<ObjectCreated> eventBridge(JsonNode node) {
        if (!"Object Created".equals(node.get("detail-type").asText())) {
            return java.util.Optional.empty();
        }
        JsonNode detail = node.get("detail");
        JsonNode object = detail.path("object");
        // EventBridge carries keys URL-encoded like S3 notifications do.
        return java.util.Optional.of(new ObjectCreated(
                requireText(detail.path("bucket"), "name", "detail.bucket.name"),
                decodeS3Key(requireText(object, "key", "detail.object.key")),
                object.path("size").asLong(-1),
                object.path("etag").asText(""),
                textOrNull(object, "version-id"),
                textOrNull(object, "sequencer")));
    }

    /** S3 notifications URL-encode keys and write spaces as '+'; a literal '+' arrives as %2B. */
    static String decodeS3Key(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    private static String requireText(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("event lacks " + path);
        }
        return v.asText();
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
