package io.vidscore.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** models/models.json is what the fetch script and users read: it must parse, be complete, and match the fixtures' layout. */
class ModelsManifestTest {
    static final Path MANIFEST = Path.of("models/models.json");

    static JsonNode manifest() throws Exception {
        return new ObjectMapper().readTree(Files.readAllBytes(MANIFEST));
    }

    @Test
    void everyPublishedFileHasSourceSizeChecksumAndTheModelItsLicence() throws Exception {
        Set<String> folders = new TreeSet<>();
        for (JsonNode m : manifest().get("models")) {
            assertTrue(m.hasNonNull("name") && m.hasNonNull("role") && m.hasNonNull("licence"), m.toString());
            if (!m.has("folder")) {
                assertEquals(0, m.get("files").size(), "built-in components have no files: " + m.get("name"));
                continue;
            }
            String folder = m.get("folder").asText();
            folders.add(folder);
            assertTrue(m.get("source").asText().startsWith("https://huggingface.co/Xenova/"), m.toString());
            assertTrue(m.has("revision") && m.has("commercial_use"), m.toString());
            assertTrue(m.get("files").size() >= 4, folder);
            for (JsonNode f : m.get("files")) {
                String path = f.get("path").asText();
                String where = folder + "/" + path;
                String revision = m.get("revision").isNull() ? "main" : m.get("revision").asText();
                assertEquals(m.get("source").asText() + "/resolve/" + revision + "/" + path, f.get("url").asText(), where);
                assertTrue(f.has("size") && (f.get("size").isNull() || f.get("size").asLong() > 0), where + " size");
                // null = not pinned yet (the fetch script then needs --pin), never a made-up value
                assertTrue(f.has("sha256") && (f.get("sha256").isNull() || f.get("sha256").asText().matches("[0-9a-f]{64}")), where + " sha256");
                assertTrue(f.get("approx_mb").asDouble() > 0, where + " approx_mb");
                if (path.endsWith(".onnx")) {
                    assertTrue(f.get("io").has("inputs") && f.get("io").has("outputs"), where + " io contract");
                }
            }
        }
        assertEquals(Set.of(ModelFolder.CLIP, ModelFolder.MUSICGEN), folders);
        JsonNode musicgen = model(ModelFolder.MUSICGEN);
        assertTrue(musicgen.get("licence").asText().contains("CC-BY-NC 4.0"));
        assertFalse(musicgen.get("commercial_use").asBoolean());
        assertTrue(model(ModelFolder.CLIP).get("licence").asText().startsWith("MIT"));
    }

    @Test
    void theFilesTheCodeOpensAreTheOnesTheManifestNames() throws Exception {
        Set<String> clip = files(ModelFolder.CLIP);
        assertTrue(clip.containsAll(Set.of(ClipImageEncoder.FILE, ClipTextEncoder.FILE, ClipTextEncoder.TOKENIZER)), clip.toString());
    }

    /** The fixtures mirror the real folders: every fixture file is a published file (goldens live apart, in golden folders). */
    @Test
    void fixturesHaveExactlyTheLayoutTheManifestNames() throws Exception {
        for (String folder : new String[] {ModelFolder.CLIP, ModelFolder.MUSICGEN}) {
            Path root = ClipFixtures.MODELS.resolve(folder);
            if (!Files.isDirectory(root)) {
                continue; // the musicgen fixtures come with that engine
            }
            Set<String> present = new TreeSet<>();
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .filter(p -> !p.startsWith("golden/")).forEach(present::add);
            }
            Set<String> named = files(folder);
            assertTrue(named.containsAll(present), folder + ": fixture files not in models.json: " + diff(present, named));
            if (folder.equals(ModelFolder.CLIP)) {
                assertEquals(named, present, "the CLIP fixtures provide every published CLIP file");
            }
        }
    }

    private static Set<String> diff(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static JsonNode model(String folder) throws Exception {
        for (JsonNode m : manifest().get("models")) {
            if (folder.equals(m.path("folder").asText())) {
                return m;
            }
        }
        throw new AssertionError("no model " + folder);
    }

    private static Set<String> files(String folder) throws Exception {
        Set<String> out = new TreeSet<>();
        model(folder).get("files").forEach(f -> out.add(f.get("path").asText()));
        return out;
    }
}
