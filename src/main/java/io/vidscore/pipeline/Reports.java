package io.vidscore.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
            ChainSettings settings, GenerateMusicStage.Mood mood, Timings t, boolean midi) {
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
            alignment.put("beat_f_measure", round(BeatMetrics.fMeasure(a.beatsS(), musicBeats, TOLERANCE_S), 3));
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
        return Json.bytes(r);
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
