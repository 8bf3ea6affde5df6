package io.vidscore.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * functions/&lt;name&gt;/function.json must describe the code: one folder per function, and triggers
 * (S3 notification prefix/suffix filters) that select exactly the keys the routing table sends to it.
 */
class FunctionDeploymentsTest {
    static final String JOB = JobId.of("bucket", "incoming/x.mp4", "etag");
    /** Keys of every kind the chain writes or receives. */
    static final List<String> KEYS = List.of("incoming/a.mp4", "incoming/sub dir/b é.mov", BucketLayout.frames(JOB, 0),
            BucketLayout.frames(JOB, 17), BucketLayout.features(JOB, 0), BucketLayout.features(JOB, 3), BucketLayout.manifest(JOB),
            BucketLayout.analysis(JOB), BucketLayout.soundtrack("a"), BucketLayout.scored("a"), BucketLayout.report("a"),
            BucketLayout.failed("a.mp4"));

    @Test
    void everyFunctionHasADeploymentWhoseTriggersMatchTheRoutingTable() throws IOException {
        for (StageName stage : StageName.values()) {
            Path file = Path.of("functions", stage.functionName(), "function.json");
            assertTrue(Files.exists(file), "missing " + file);
            JsonNode fn = Json.tree(Files.readAllBytes(file));
            assertEquals(stage.functionName(), fn.get("name").asText());
            assertEquals("POST /" + stage.functionName(), fn.get("http").asText());
            List<JsonNode> triggers = new ArrayList<>();
            (fn.has("triggers") ? fn.get("triggers") : List.of(fn.get("trigger"))).forEach(triggers::add);
            for (String key : KEYS) {
                boolean selected = triggers.stream().anyMatch(t -> key.startsWith(t.get("prefix").asText())
                        && key.endsWith(t.path("suffix").asText("")) && t.get("event").asText().startsWith("s3:ObjectCreated"));
                boolean routed = StageName.route(key).equals(Optional.of(stage));
                assertEquals(routed, selected, stage.functionName() + " trigger vs routing table for " + key);
            }
        }
    }

    @Test
    void stagesThatRunNeuralModelsAskForAGpuAndExtractDoesNot() throws IOException {
        assertEquals(0, Json.tree(Files.readAllBytes(Path.of("functions/extract-frames/function.json"))).at("/resources/gpu").asInt());
        assertEquals(1, Json.tree(Files.readAllBytes(Path.of("functions/encode-video/function.json"))).at("/resources/gpu").asInt());
        assertEquals(1, Json.tree(Files.readAllBytes(Path.of("functions/generate-music/function.json"))).at("/resources/gpu").asInt());
    }
}
