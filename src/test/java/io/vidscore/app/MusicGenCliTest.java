package io.vidscore.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.vidscore.media.MediaProbe;
import io.vidscore.media.SyntheticVideo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code score --engine musicgen --models models/fixtures}: the neural path end to end on the committed fixtures. */
@QuarkusMainTest
@TestProfile(ScoreCommandTest.Cli.class)
class MusicGenCliTest {

    @Test
    void scoresAVideoWithTheFixtureModels(QuarkusMainLauncher launcher) throws Exception {
        Path dir = Files.createTempDirectory("cli-musicgen");
        Path video = SyntheticVideo.builder().size(160, 120).fps(25).duration(3).seed(5)
                .flashes(0.5, 1.0, 1.5, 2.0, 2.5).withAudio(false).build().write(dir.resolve("clip.mp4"));
        Path out = dir.resolve("out");
        LaunchResult result = launcher.launch("score", video.toString(), "--out", out.toString(), "--engine", "musicgen",
                "--models", "models/fixtures", "--prompt", "warm acoustic guitar", "--device", "cpu", "--seed", "3");
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertTrue(Files.size(out.resolve("clip.wav")) >= 3 * 48_000 * 4, "3 s of 48 kHz stereo");
        assertEquals(1, MediaProbe.probe(out.resolve("clip.mp4")).audioStreams().size());
        JsonNode report = new ObjectMapper().readTree(out.resolve("clip.json").toFile());
        assertEquals("musicgen", report.path("engine").asText());
        JsonNode music = report.path("music");
        assertEquals(-14, music.path("loudness_lufs").asDouble(), 1.0, "mastered like the composer");
        assertTrue(music.path("true_peak_dbtp").asDouble() <= -0.9, report.toPrettyString());
        JsonNode gen = music.path("generation");
        assertEquals(3.0, gen.path("guidance_scale").asDouble());
        assertTrue(gen.path("texts").get(0).asText().startsWith("warm acoustic guitar"), gen.toPrettyString());
        assertTrue(gen.path("beat_alignment").has("f_measure_before") && gen.path("beat_alignment").has("f_measure_after"));
        assertFalse(Files.exists(out.resolve("clip.mid")), "no notes, no MIDI");
    }

    @Test
    void musicgenWithoutModelsIsAUsageErrorNamingTheFetchCommand(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("score", "samples/sample.mp4", "--out", "target/never", "--engine", "musicgen");
        assertEquals(2, result.exitCode());
        String err = result.getErrorOutput().strip();
        assertTrue(err.contains("fetch-models.sh") && err.contains("--models"), err);
        assertEquals(1, err.lines().count(), err);
    }

    @Test
    void aFolderWithoutMusicGenNamesTheMissingFile(QuarkusMainLauncher launcher) throws Exception {
        Path empty = Files.createTempDirectory("no-models");
        LaunchResult result = launcher.launch("score", "samples/sample.mp4", "--out", "target/never", "--engine", "musicgen",
                "--models", empty.toString());
        assertEquals(2, result.exitCode());
        String err = result.getErrorOutput().strip();
        assertTrue(err.contains("musicgen-small/tokenizer.json") && err.contains("fetch-models.sh"), err);
        assertEquals(1, err.lines().count(), err);
    }
}
