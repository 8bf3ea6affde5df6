package io.vidscore.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vidscore.analysis.Fade;
import io.vidscore.analysis.Segment;
import io.vidscore.analysis.VisualAnalysis;
import io.vidscore.audio.PcmSink;
import io.vidscore.music.MusicResult;
import io.vidscore.rhythm.AudioOnsetTracker;
import io.vidscore.rhythm.BeatMetrics;
import java.time.Instant;

/**
 * The report (reports/&lt;stem&gt;.json, &lt;stem&gt;.json beside the CLI's outputs). The field names listed
 * in the README are a contract; more may be added. Music beats come from the audio beat tracker run on
 * the rendered audio, so alignment is measured on the output rather than assumed.
 */
public final class Reports {
    /** Beat tolerance of the alignment scores, as in the beat-tracking literature (±70 ms). */
    public static final double TOLERANCE_S = 0.07;

    public record Timings(long extractMs, long encodeMs, long generateMs) {
    }

    private Reports() {
    }

    public static byte[] build(Manifest m, VisualAnalysis a, MusicResult music, GenerateMusicStage.Mastered mastered,
            ChainSettings settings, GenerateMusicStage.Mood mood, Timings t, boolean midi, boolean plot) {
        AudioOnsetTracker tracker = mastered.tracker();
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("source", m.sourceKey());
        r.put("duration_s", round(m.durationS(), 3));
        r.put("engine", music.engine());
        r.put("seed", settings.seed());
        ObjectNode overrides = r.putObject("overrides");
        overrides.put("style", settings.overrides().style());
        overrides.put("bpm", settings.overrides().bpm());
        overrides.put("key", settings.overrides().key());
        r.put("job_id", m.jobId());
        r.put("created", Instant.now().toString());

        ObjectNode video = r.putObject("video");
        video.put("width", m.width());
        video.put("height", m.height());
        video.put("fps", round(m.fps(), 3));
        video.put("frames", m.frames());
        video.put("codec", m.codec());
        video.put("rotation", m.rotation());
        video.put("interlaced", m.interlaced());

        ObjectNode analysis = r.putObject("analysis");
        analysis.put("tempo_bpm", round(a.tempoBpm(), 2));
        analysis.put("tempo_confidence", round(a.tempoConfidence(), 3));
        analysis.put("rhythmic", a.rhythmic());
        times(analysis.putArray("visual_beats_s"), a.beatsS());
        times(analysis.putArray("cuts_s"), a.cutsS());
        analysis.put("brightness", round(mood.brightness(), 3));
        analysis.put("warmth", round(mood.warmth(), 3));
        analysis.put("saturation", round(mood.saturation(), 3));
        analysis.put("encoded_frames", mood.frames());
        ArrayNode fades = analysis.putArray("fades");
        for (Fade f : a.fades()) {
            ObjectNode n = fades.addObject();
            n.put("start_s", round(f.startS(), 3));
            n.put("end_s", round(f.endS(), 3));
            n.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        ArrayNode segments = analysis.putArray("segments");
        for (Segment g : a.segments()) {
            ObjectNode n = segments.addObject();
            n.put("start_s", round(g.startS(), 3));
            n.put("end_s", round(g.endS(), 3));
            n.put("energy", round(g.energy(), 3));
            n.put("pace", round(g.pace(), 3));
            n.put("brightness", round(g.brightness(), 3));
            n.put("warmth", round(g.warmth(), 3));
            n.put("saturation", round(g.saturation(), 3));
            n.put("complexity", round(g.complexity(), 3));
            n.put("valence", round(g.valence(), 3));
            n.put("arousal", round(g.arousal(), 3));
        }

        double[] musicBeats = tracker.beats();
        ObjectNode musicNode = r.putObject("music");
        musicNode.put("tempo_bpm", round(tracker.tempo().bpm(), 2));
        musicNode.put("planned_tempo_bpm", round(music.tempoBpm(), 2));
        times(musicNode.putArray("beats_s"), musicBeats);
        musicNode.put("sample_rate", PcmSink.SAMPLE_RATE);
        musicNode.put("channels", PcmSink.CHANNELS);
        musicNode.put("key", music.key());
        musicNode.put("style", music.styleName() == null || music.styleName().isEmpty() ? music.style() : music.styleName());
        musicNode.put("description", music.style());
        musicNode.put("form", music.form());
        musicNode.put("notes", music.notes());
        musicNode.put("loudness_lufs", round(mastered.meter().integratedLufs(), 2));
        musicNode.put("true_peak_dbtp", round(mastered.meter().truePeakDbtp(), 2));
        musicNode.put("loudness_range_lu", round(mastered.meter().loudnessRangeLu(), 2));
        musicNode.put("mastering_gain_db", round(mastered.gainDb(), 2));

        ObjectNode alignment = r.putObject("alignment");
        alignment.put("tolerance_s", TOLERANCE_S);
        if (a.beatsS().length > 0) {
            alignment.put("applicable", true);
            alignment.put("reference", "visual_beats_s");
            alignment.put("beat_f_measure", round(beatFMeasure(a.beatsS(), musicBeats), 3));
            alignment.put("hit_rate", round(BeatMetrics.hitRate(a.beatsS(), musicBeats, TOLERANCE_S), 3));
            alignment.put("mean_offset_s", round(BeatMetrics.meanOffsetS(a.beatsS(), musicBeats, TOLERANCE_S), 4));
        } else {
            // No visual rhythm: there is nothing to align to, and a number here would be invented.
            alignment.put("applicable", false);
            alignment.put("reason", a.rhythmic() ? "no visual beat was found in the video"
                    : "the video has no visual rhythm (tempo confidence " + round(a.tempoConfidence(), 3)
                    + "), so there is no beat to align to; the music keeps a tempo guessed from the picture");
            alignment.put("reference", "none: the video has no visual beat");
            alignment.putNull("beat_f_measure");
            alignment.putNull("hit_rate");
            alignment.putNull("mean_offset_s");
        }

        ObjectNode timings = r.putObject("timings_ms");
        timings.put("extract", t.extractMs());
        timings.put("encode", t.encodeMs());
        timings.put("generate", t.generateMs());
        timings.put("total", t.extractMs() + t.encodeMs() + t.generateMs());

        ObjectNode outputs = r.putObject("outputs");
        outputs.put("audio", BucketLayout.soundtrack(m.stem()));
        outputs.put("video", BucketLayout.scored(m.stem()));
        if (midi) {
            outputs.put("midi", BucketLayout.midi(m.stem()));
        }
        if (plot) {
            outputs.put("plot", BucketLayout.plot(m.stem()));
        }
        return Json.bytes(r);
    }

    /**
     * What encoded the frames, from the features objects' metadata (every chunk says): names, devices, frames, and
     * the frames CLIP encoded with the milliseconds it spent on them (summed over chunks, which may have run on
     * different workers, so frames/s is per worker, not wall-clock).
     */
    public record EncoderUsed(String name, String device, long frames, long clipFrames, long clipMs) {
        static EncoderUsed of(java.util.List<io.vidscore.store.ObjectInfo> features) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            java.util.Set<String> devices = new java.util.TreeSet<>();
            long frames = 0;
            long clipFrames = 0;
            long clipMs = 0;
            for (io.vidscore.store.ObjectInfo o : features) {
                java.util.Map<String, String> m = o.metadata();
                names.add(m.getOrDefault(EncodeVideoStage.ENCODER, EncodeVideoStage.BUILTIN));
                devices.add(m.getOrDefault(EncodeVideoStage.DEVICE, "cpu"));
                long n = Long.parseLong(m.getOrDefault(EncodeVideoStage.FRAMES, "0"));
                frames += n;
                if (m.containsKey(EncodeVideoStage.CLIP_MS)) {
                    clipFrames += n;
                    clipMs += Long.parseLong(m.get(EncodeVideoStage.CLIP_MS));
                }
            }
            return new EncoderUsed(String.join(",", names), String.join(",", devices), frames, clipFrames, clipMs);
        }
    }

    /**
     * Adds the neural sections to a built report: {@code encoder} {name, device, frames, and with CLIP clip_frames,
     * clip_ms, clip_frames_per_s} and {@code semantics}
     * {prompt, segments [{start_s, end_s, frames, text, picks [{category, word, score}]}], note when none}.
     */
    static byte[] withNeural(byte[] report, EncoderUsed encoder, io.vidscore.music.Conditioning conditioning, SemanticConditioning s) {
        ObjectNode r = (ObjectNode) Json.tree(report);
        ObjectNode enc = r.putObject("encoder");
        enc.put("name", encoder.name());
        enc.put("device", encoder.device());
        enc.put("frames", encoder.frames());
        if (encoder.clipFrames() > 0) {
            enc.put("clip_frames", encoder.clipFrames());
            enc.put("clip_ms", encoder.clipMs());
            enc.put("clip_frames_per_s", Math.round(encoder.clipFrames() * 1000.0 / Math.max(1, encoder.clipMs()) * 10) / 10.0);
        }
        ObjectNode sem = r.putObject("semantics");
        sem.put("prompt", conditioning.prompt());
        sem.put("descriptors", s.descriptors);
        if (s.note != null) {
            sem.put("note", s.note);
        }
        ArrayNode segs = sem.putArray("segments");
        for (io.vidscore.semantics.ZeroShot.SegmentSemantics seg : s.segments) {
            ObjectNode o = segs.addObject();
            o.put("start_s", round(seg.startS(), 3));
            o.put("end_s", round(seg.endS(), 3));
            o.put("frames", seg.frames());
            o.put("text", seg.text());
            ArrayNode picks = o.putArray("picks");
            for (io.vidscore.semantics.ZeroShot.Pick p : seg.picks()) {
                picks.addObject().put("category", p.category()).put("word", p.word()).put("score", round(p.score(), 4));
            }
        }
        return Json.bytes(r);
    }

    /**
     * Adds an engine's own facts (see {@link io.vidscore.music.MusicEngine#reportDetails}) as {@code music.generation}:
     * for musicgen the sampling parameters, the texts, decoder speed and the beat alignment before/after.
     */
    public static byte[] withEngineDetails(byte[] report, java.util.Map<String, Object> details) {
        if (details.isEmpty()) {
            return report;
        }
        ObjectNode r = (ObjectNode) Json.tree(report);
        ((ObjectNode) r.path("music")).set("generation", Json.MAPPER.valueToTree(details));
        return Json.bytes(r);
    }

    /** The alignment score: music beats against visual beats at ±{@link #TOLERANCE_S}; null without visual beats. */
    public static Double beatFMeasure(double[] visualBeats, double[] musicBeats) {
        return visualBeats.length == 0 ? null : BeatMetrics.fMeasure(visualBeats, musicBeats, TOLERANCE_S);
    }

    private static void times(ArrayNode array, double[] values) {
        for (double v : values) {
            array.add(round(v, 3));
        }
    }

    private static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return 0;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
