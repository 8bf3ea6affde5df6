package io.vidscore.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import io.vidscore.media.MediaProbe;
import io.vidscore.media.SyntheticVideo;
import io.vidscore.testing.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI as a user runs it: real files in, three files out, one clear line and an exit code on bad input. */
@QuarkusMainTest
@TestProfile(ScoreCommandTest.Cli.class)
class ScoreCommandTest {

    /** As VidscoreMain does for every command but serve: no HTTP listener. */
    public static class Cli implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.host-enabled", "false");
        }
    }

    @Test
    void scoresAVideoIntoThreeFiles(QuarkusMainLauncher launcher) throws Exception {
        Path dir = Files.createTempDirectory("cli");
        Path video = TestVideos.rhythmic(dir.resolve("été à la plage.mp4"));
        Path out = dir.resolve("out folder");
        LaunchResult result = launcher.launch("score", video.toString(), "--out", out.toString(), "--seed", "7", "--style", "acoustic",
                "--key", "G major");
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertTrue(Files.size(out.resolve("été à la plage.wav")) > 6 * 48_000 * 4);
        assertEquals(1, MediaProbe.probe(out.resolve("été à la plage.mp4")).audioStreams().size());
        String report = Files.readString(out.resolve("été à la plage.json"));
        assertTrue(report.contains("\"seed\" : 7"), report);
        assertTrue(report.contains("\"style\" : \"acoustic\"") && report.contains("\"key\" : \"G major\""), report);
        javax.sound.midi.Sequence midi = javax.sound.midi.MidiSystem.getSequence(out.resolve("été à la plage.mid").toFile());
        assertTrue(midi.getTracks().length >= 3, "one MIDI track per instrument");
        assertTrue(result.getOutput().contains(out.resolve("été à la plage.mp4").toString()), "stdout lists the outputs");
        java.awt.image.BufferedImage plot = javax.imageio.ImageIO.read(out.resolve("été à la plage.png").toFile());
        assertEquals(io.vidscore.plot.TimelinePlot.WIDTH, plot.getWidth(), "the plot decodes as a PNG");
        assertTrue(result.getOutput().contains(out.resolve("été à la plage.png").toString()), "stdout lists the plot");
        assertTrue(Files.exists(video), "the original stays");
    }

    @Test
    void aTextFileRenamedMp4EndsWithOneLineAndExitCodeOne(QuarkusMainLauncher launcher) throws Exception {
        Path dir = Files.createTempDirectory("cli-bad");
        Path text = SyntheticVideo.writeTextFile(dir.resolve("letter.mp4"));
        LaunchResult result = launcher.launch("score", text.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, result.exitCode());
        String err = result.getErrorOutput();
        assertTrue(err.contains("cannot score") && err.contains("not a video"), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace without --verbose: " + err);
        assertFalse(Files.exists(dir.resolve("out").resolve("letter.wav")));
        assertTrue(Files.exists(text));
    }

    @Test
    void aMissingFileIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("score", "/no/such/video.mp4", "--out", "/tmp/x");
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("no such file"), result.getErrorOutput());
    }

    @Test
    void badOverridesAreUsageErrorsThatSayWhatIsAccepted(QuarkusMainLauncher launcher) {
        LaunchResult key = launcher.launch("score", "samples/sample.mp4", "--out", "target/never", "--key", "H major");
        assertEquals(2, key.exitCode());
        assertTrue(key.getErrorOutput().contains("\"A minor\""), key.getErrorOutput());
        LaunchResult style = launcher.launch("score", "samples/sample.mp4", "--out", "target/never", "--style", "polka");
        assertEquals(2, style.exitCode());
        assertTrue(style.getErrorOutput().contains("cinematic"), style.getErrorOutput());
    }

    @Test
    void helpTellsTheOutputsAndOptions(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("score", "--help");
        assertEquals(0, result.exitCode());
        String help = result.getOutput();
        for (String s : new String[] {"--out", "--engine", "--seed", "composer", ".wav", ".mp4", ".json", ".mid", "--keep-original-audio",
            "--style", "--bpm", "--key", "lofi", "-14 LUFS"}) {
            assertTrue(help.contains(s), "help mentions " + s + ":\n" + help);
        }
    }
}
