package io.vidscore.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vidscore.events.ObjectCreated;
import io.vidscore.media.MediaProbe;
import io.vidscore.media.ProbeResult;
import io.vidscore.media.SyntheticVideo;
import io.vidscore.media.WavReader;
import io.vidscore.store.DirectoryObjectStore;
import io.vidscore.store.ObjectInfo;
import io.vidscore.store.ObjectStore;
import io.vidscore.testing.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain over a directory bucket, with real encoded videos: FFmpeg decoding, the analysis, the
 * composer, the WAV and the re-mux. Checks what a user checks: the three outputs, their formats, the
 * report, idempotence under re-delivery, and failures recorded for bad inputs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainEndToEndTest {
    static final String NAME = "Ma vidéo de test 01.mp4";
    static final String STEM = "Ma vidéo de test 01";

    @TempDir
    static Path tmp;
    Path bucketDir;
    Path original;
    DirectoryObjectStore store;
    InProcessEvents events;
    List<StageOutcome> firstRun;

    @BeforeAll
    void scoreOnce() throws Exception {
        bucketDir = Files.createDirectories(tmp.resolve("bucket"));
        original = TestVideos.rhythmic(tmp.resolve(NAME));
        store = new DirectoryObjectStore(bucketDir, "local");
        events = InProcessEvents.chainOver(store, ChainSettings.DEFAULT, Progress.NONE);
        events.store().putFile(BucketLayout.incoming(NAME), original, Map.of());
        firstRun = events.drain();
    }

    @Test
    void writesTheThreeOutputs() throws Exception {
        assertTrue(firstRun.stream().noneMatch(StageOutcome::failed), firstRun.toString());
        Path wav = store.download(BucketLayout.soundtrack(STEM), tmp.resolve("out.wav"));
        Path mp4 = store.download(BucketLayout.scored(STEM), tmp.resolve("out.mp4"));
        ProbeResult source = MediaProbe.probe(original);
        try (WavReader reader = WavReader.open(wav)) {
            assertEquals(48_000, reader.sampleRate());
            assertEquals(2, reader.channels());
            double seconds = reader.frames() / 48_000.0;
            assertEquals(source.videoDurationSeconds(), seconds, 1 / 30.0 + 1e-9, "music lasts the video's duration ±1 frame");
            float[] block = new float[2 * 48_000];
            double peak = 0;
            int n;
            while ((n = reader.read(block, 48_000)) > 0) {
                double energy = 0;
                for (int i = 0; i < 2 * n; i++) {
                    peak = Math.max(peak, Math.abs(block[i]));
                    energy += block[i] * block[i];
                }
                assertTrue(Math.sqrt(energy / (2 * n)) > 0.003 || n < 24_000, "no silent second in the music");
            }
            assertTrue(peak > 0.05 && peak < 1.0, "audible and unclipped, peak " + peak);
        }
        javax.sound.midi.Sequence midi = javax.sound.midi.MidiSystem.getSequence(
                store.download(BucketLayout.midi(STEM), tmp.resolve("out.mid")).toFile());
        assertTrue(midi.getTracks().length >= 3, "a MIDI track per instrument");
        assertEquals(source.videoDurationSeconds(), midi.getMicrosecondLength() / 1e6, 1.5, "the MIDI spans the video");
        ProbeResult scored = MediaProbe.probe(mp4);
        assertEquals(source.videoCodec(), scored.videoCodec(), "video stream copied, not re-encoded");
        assertEquals(source.videoPackets(), scored.videoPackets(), "every video packet copied");
        assertEquals(1, scored.audioStreams().size(), "exactly one audio track: the music");
        assertEquals("aac", scored.audioStreams().get(0).codec());
        assertEquals(48_000, scored.audioStreams().get(0).sampleRate());
        assertEquals(2, scored.audioStreams().get(0).channels());
    }

    @Test
    void reportCarriesTheContractFields() {
        JsonNode r = Json.tree(store.getBytes(BucketLayout.report(STEM)));
        for (String field : new String[] {"source", "duration_s", "engine", "seed", "video", "analysis", "music", "alignment", "timings_ms"}) {
            assertTrue(r.has(field), "report has " + field);
        }
        assertEquals(BucketLayout.incoming(NAME), r.get("source").asText());
        assertEquals("composer", r.get("engine").asText());
        assertEquals(0, r.get("seed").asLong());
        assertEquals(8.0, r.get("duration_s").asDouble(), 0.05);
        assertEquals(320, r.at("/video/width").asInt());
        assertEquals(240, r.at("/video/height").asInt());
        assertEquals(30.0, r.at("/video/fps").asDouble(), 0.01);
        assertEquals(240, r.at("/video/frames").asInt(), 2);
        double tempo = r.at("/analysis/tempo_bpm").asDouble();
        assertTrue(tempo >= 60 && tempo <= 180, "tempo in range: " + tempo);
        assertTrue(r.at("/analysis/visual_beats_s").size() >= 4, "visual beats found");
        boolean cutAt4 = false;
        for (JsonNode c : r.at("/analysis/cuts_s")) {
            cutAt4 |= Math.abs(c.asDouble() - 4.0) <= 1 / 30.0 + 1e-6;
        }
        assertTrue(cutAt4, "the cut at 4.0 s is reported: " + r.at("/analysis/cuts_s"));
        assertTrue(r.at("/analysis/rhythmic").asBoolean() && r.at("/analysis/tempo_confidence").asDouble() > 0.3, r.get("analysis").toString());
        JsonNode segments = r.at("/analysis/segments");
        assertEquals(r.at("/analysis/cuts_s").size() + 1, segments.size(), "one segment per shot: " + segments);
        for (JsonNode segment : segments) {
            for (String k : new String[] {"start_s", "end_s", "energy", "pace", "brightness", "warmth", "saturation", "complexity"}) {
                assertTrue(segment.get(k).isNumber(), k + " in " + segment);
            }
            assertTrue(Math.abs(segment.get("valence").asDouble()) <= 1 && Math.abs(segment.get("arousal").asDouble()) <= 1, segment.toString());
        }
        assertTrue(r.at("/analysis/fades").isArray());
        assertEquals(48_000, r.at("/music/sample_rate").asInt());
        assertTrue(r.at("/music/beats_s").size() >= 4, "beats detected in the rendered audio: " + r.get("music") + " " + r.get("analysis"));
        assertEquals(tempo, r.at("/music/tempo_bpm").asDouble(), tempo * 0.03, "the music plays at the analysed tempo");
        assertEquals(-14.0, r.at("/music/loudness_lufs").asDouble(), 1.0, "mastered to -14 LUFS integrated");
        assertTrue(r.at("/music/true_peak_dbtp").asDouble() <= -1.0, "true peak at most -1 dBTP");
        assertTrue(r.at("/alignment/applicable").asBoolean(), "a rhythmic video's alignment is measured");
        double f = r.at("/alignment/beat_f_measure").asDouble();
        assertTrue(f >= 0.5, "music beats land on the visual beats, F=" + f);
        for (String t : new String[] {"extract", "encode", "generate", "total"}) {
            assertTrue(r.at("/timings_ms/" + t).isIntegralNumber(), t);
        }
        assertTrue(r.at("/timings_ms/total").asLong() >= r.at("/timings_ms/extract").asLong());
    }

    @Test
    void redeliveringEveryEventInAnyOrderChangesNothing() throws Exception {
        Map<String, String> before = snapshot();
        List<ObjectCreated> all = new ArrayList<>();
        for (ObjectInfo o : store.list("")) {
            all.add(new ObjectCreated("local", o.key(), o.size(), o.etag(), null, null));
        }
        Collections.shuffle(all, new Random(7));
        all.addAll(all); // and each one twice
        InProcessEvents replay = InProcessEvents.chainOver(store, ChainSettings.DEFAULT, Progress.NONE);
        all.forEach(replay);
        List<StageOutcome> outcomes = replay.drain();
        assertTrue(outcomes.stream().noneMatch(o -> o.status().equals(StageOutcome.DONE) || o.failed()), outcomes.toString());
        assertEquals(before, snapshot(), "no new, changed or duplicated object");
    }

    @Test
    void theOriginalIsNeverTouched() throws Exception {
        ObjectInfo info = store.head(BucketLayout.incoming(NAME)).orElseThrow();
        assertEquals(Files.size(original), info.size());
        assertTrue(Files.exists(original));
        assertEquals(Files.readString(original, java.nio.charset.StandardCharsets.ISO_8859_1),
                new String(store.getBytes(BucketLayout.incoming(NAME)), java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void aNewUploadUnderTheSameKeyIsANewJob() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("versions"));
        DirectoryObjectStore s = new DirectoryObjectStore(dir, "versions");
        InProcessEvents ev = InProcessEvents.chainOver(s, ChainSettings.DEFAULT, Progress.NONE);
        ObjectStore ps = ev.store();
        ps.putFile("incoming/v.mp4", TestVideos.rhythmicVariant(tmp.resolve("v1.mp4")), Map.of());
        ObjectInfo v1 = s.head("incoming/v.mp4").orElseThrow();
        ev.drain();
        String job1 = Json.tree(s.getBytes("reports/v.json")).get("job_id").asText();
        ps.putFile("incoming/v.mp4", original, Map.of());
        // The first version's event arrives late, after the second upload: it must not overwrite anything.
        ev.accept(new ObjectCreated("versions", "incoming/v.mp4", v1.size(), v1.etag(), null, null));
        List<StageOutcome> outcomes = ev.drain();
        JsonNode report = Json.tree(s.getBytes("reports/v.json"));
        assertNotEquals(job1, report.get("job_id").asText());
        assertEquals(8.0, report.get("duration_s").asDouble(), 0.05, "the report describes the new upload");
        assertTrue(outcomes.stream().anyMatch(o -> o.detail().startsWith("stale event")), outcomes.toString());
    }

    @Test
    void badInputsAreRecordedUnderFailedAndLeftInPlace() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        DirectoryObjectStore s = new DirectoryObjectStore(dir, "bad");
        InProcessEvents ev = InProcessEvents.chainOver(s, ChainSettings.DEFAULT, Progress.NONE);
        ObjectStore ps = ev.store();
        Map<String, Path> inputs = new TreeMap<>();
        inputs.put("empty.mp4", SyntheticVideo.writeEmptyFile(tmp.resolve("empty.mp4")));
        inputs.put("notes.mp4", SyntheticVideo.writeTextFile(tmp.resolve("notes.mp4")));
        inputs.put("cut short.mp4", SyntheticVideo.writeTruncatedCopy(original, tmp.resolve("cut.mp4"), Files.size(original) / 3));
        inputs.put("voice only.mp4", SyntheticVideo.writeAudioOnlyMp4(tmp.resolve("voice.mp4"), 2));
        inputs.put("alien codec.mp4", TestVideos.unsupportedCodec(original, tmp.resolve("alien.mp4")));
        for (Map.Entry<String, Path> e : inputs.entrySet()) {
            ps.putFile("incoming/" + e.getKey(), e.getValue(), Map.of());
        }
        ev.drain();
        Map<String, String> expected = Map.of("empty.mp4", "empty", "notes.mp4", "not a video", "cut short.mp4", "truncated",
                "voice only.mp4", "audio only", "alien codec.mp4", "unsupported video codec");
        for (String name : inputs.keySet()) {
            JsonNode failure = Json.tree(s.getBytes(BucketLayout.failed(name)));
            assertEquals("extract-frames", failure.get("stage").asText());
            assertEquals("incoming/" + name, failure.get("inputKey").asText());
            assertTrue(failure.get("reason").asText().contains(expected.get(name)), name + ": " + failure.get("reason"));
            assertFalse(failure.get("time").asText().isEmpty());
            assertTrue(s.exists("incoming/" + name), "the original stays");
            assertFalse(s.exists(BucketLayout.report(BucketLayout.stemOf(name))));
        }
    }

    private Map<String, String> snapshot() {
        Map<String, String> m = new TreeMap<>();
        for (ObjectInfo o : store.list("")) {
            m.put(o.key(), o.etag());
        }
        return m;
    }
}
