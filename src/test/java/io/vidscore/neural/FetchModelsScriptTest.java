package io.vidscore.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * models/fetch-models.sh, the one way users get real weights, run for real against a local mirror
 * ({@code VIDSCORE_MODELS_MIRROR=file://…}, laid out as Hugging Face's resolve URLs) holding the fixtures under the
 * published file names: refusal of unpinned files, pinning into models.lock, verification on later runs, and
 * rejection of a corrupt download. Skipped where bash, curl or python3 is missing.
 */
class FetchModelsScriptTest {
    private static final Path SCRIPT = Path.of("models/fetch-models.sh").toAbsolutePath();
    private static final Path MANIFEST = Path.of("models/models.json");

    /** folder/path → the mirror's copy, for every file models.json lists. */
    private static final Map<String, Path> MIRRORED = new LinkedHashMap<>();
    @TempDir
    static Path mirror;

    @BeforeAll
    static void buildMirror() throws IOException {
        for (String tool : List.of("bash", "curl", "python3")) {
            assumeTrue(onPath(tool), tool + " is not installed");
        }
        for (JsonNode model : new ObjectMapper().readTree(MANIFEST.toFile()).get("models")) {
            if (!model.has("folder")) {
                continue;
            }
            String folder = model.get("folder").asText();
            for (JsonNode file : model.get("files")) {
                String path = file.get("path").asText();
                String url = file.get("url").asText();
                Path copy = mirror.resolve(url.substring("https://huggingface.co/".length()));
                Files.createDirectories(copy.getParent());
                Path fixture = Path.of("models/fixtures", folder, path);
                if (Files.exists(fixture)) {
                    Files.copy(fixture, copy);
                } else { // a config file the fixtures do not need
                    Files.writeString(copy, "{\"stand_in_for\": \"" + path + "\"}\n");
                }
                MIRRORED.put(folder + "/" + path, copy);
            }
        }
        assertTrue(MIRRORED.size() >= 8, "models.json lists " + MIRRORED.size() + " files");
    }

    @Test
    void unpinnedFilesAreRefusedWithoutPinAndNothingIsDownloaded(@TempDir Path dir) throws Exception {
        Run run = fetch(dir, mirror);
        assertEquals(1, run.exit, run.output);
        assertTrue(run.output.contains("REFUSED clip-vit-base-patch32/onnx/vision_model.onnx"), run.output);
        assertTrue(run.output.contains("--pin"), run.output);
        assertFalse(Files.exists(dir.resolve("clip-vit-base-patch32/onnx/vision_model.onnx")));
    }

    @Test
    void pinDownloadsEveryFileRecordsItsChecksumAndLaterRunsVerifyWithoutTheNetwork(@TempDir Path dir) throws Exception {
        Run first = fetch(dir, mirror, "--pin");
        assertEquals(0, first.exit, first.output);
        assertTrue(first.output.contains("done: pass --models " + dir), first.output);
        Map<String, String[]> lock = readLock(dir.resolve("models.lock"));
        assertEquals(MIRRORED.keySet(), lock.keySet());
        for (Map.Entry<String, Path> e : MIRRORED.entrySet()) {
            Path got = dir.resolve(e.getKey());
            assertArrayEquals(Files.readAllBytes(e.getValue()), Files.readAllBytes(got), e.getKey());
            assertEquals(sha256(got), lock.get(e.getKey())[0], e.getKey());
            assertEquals(String.valueOf(Files.size(got)), lock.get(e.getKey())[1], e.getKey());
        }
        // the folder is what --models wants
        ModelFolder folder = new ModelFolder(dir);
        folder.require(ModelFolder.CLIP, ClipImageEncoder.FILE);
        ClipTokenizer.load(folder.require(ModelFolder.CLIP, ClipTextEncoder.TOKENIZER));

        Run again = fetch(dir, mirror.resolve("gone")); // no mirror: everything must come from the lock
        assertEquals(0, again.exit, again.output);
        assertFalse(again.output.contains("get "), again.output);
        assertEquals(MIRRORED.size(), again.output.split("already there, checksum verified", -1).length - 1, again.output);
    }

    @Test
    void aDownloadThatDoesNotMatchTheLockIsDeletedAndReported(@TempDir Path dir, @TempDir Path badMirror) throws Exception {
        assertEquals(0, fetch(dir, mirror, "--pin").exit);
        String key = "musicgen-small/onnx/encodec_decode.onnx";
        Files.delete(dir.resolve(key));
        // a mirror serving other bytes under the same name
        for (Map.Entry<String, Path> e : MIRRORED.entrySet()) {
            Path copy = badMirror.resolve(mirror.relativize(e.getValue()));
            Files.createDirectories(copy.getParent());
            byte[] bytes = Files.readAllBytes(e.getValue());
            if (e.getKey().equals(key)) {
                bytes[bytes.length / 2] ^= 1;
            }
            Files.write(copy, bytes);
        }
        Run run = fetch(dir, badMirror);
        assertEquals(1, run.exit, run.output);
        assertTrue(run.output.contains("CORRUPT " + key), run.output);
        assertFalse(Files.exists(dir.resolve(key)));
        assertFalse(Files.exists(dir.resolve(key + ".part")));
        // the user's next run against a good source repairs it
        Run repaired = fetch(dir, mirror);
        assertEquals(0, repaired.exit, repaired.output);
        assertArrayEquals(Files.readAllBytes(MIRRORED.get(key)), Files.readAllBytes(dir.resolve(key)));
    }

    private record Run(int exit, String output) {
    }

    private static Run fetch(Path dir, Path from, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), dir.toString()));
        command.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("VIDSCORE_MODELS_MIRROR", from.toUri().toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "fetch-models.sh did not finish");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static Map<String, String[]> readLock(Path lock) throws IOException {
        Map<String, String[]> entries = new LinkedHashMap<>();
        for (String line : Files.readAllLines(lock)) {
            String[] cols = line.split("\t");
            entries.put(cols[0], new String[] {cols[1], cols[2]});
        }
        return entries;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static boolean onPath(String tool) {
        try {
            return new ProcessBuilder("bash", "-c", "command -v " + tool).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
