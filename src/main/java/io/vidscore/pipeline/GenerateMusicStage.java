package io.vidscore.pipeline;

import io.vidscore.analysis.LowLevelFrameEncoder;
import io.vidscore.analysis.VisualAnalysis;
import io.vidscore.audio.AsyncSink;
import io.vidscore.audio.LoudnessMeter;
import io.vidscore.audio.Mastering;
import io.vidscore.audio.PcmSink;
import io.vidscore.events.ObjectCreated;
import io.vidscore.media.MediaException;
import io.vidscore.media.PcmSpool;
import io.vidscore.media.ScoredVideoMuxer;
import io.vidscore.media.WavWriter;
import io.vidscore.music.MusicEngine;
import io.vidscore.rhythm.BeatPhase;
import io.vidscore.music.MusicRequest;
import io.vidscore.music.MusicResult;
import io.vidscore.neural.ModelException;
import io.vidscore.plot.TimelinePlot;
import io.vidscore.rhythm.AudioOnsetTracker;
import io.vidscore.store.ObjectInfo;
import io.vidscore.store.ObjectStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * generate-music: the fan-in. Any finished chunk (or the manifest) triggers it; it proceeds only when the
 * manifest and every chunk's features are present, so duplicated and reordered events are harmless — the
 * outputs are deterministic for a job and seed, and the report, written last, marks the job done.
 */
public final class GenerateMusicStage {
    private static final Logger LOG = Logger.getLogger(GenerateMusicStage.class.getName());
    private final ObjectStore store;
    private final ChainSettings settings;
    private final Progress progress;

    public GenerateMusicStage(ObjectStore store, ChainSettings settings, Progress progress) {
        this.store = store;
        this.settings = settings;
        this.progress = progress;
    }

    public StageOutcome handle(ObjectCreated event) {
        String fn = StageName.GENERATE_MUSIC.functionName();
        String jobId = BucketLayout.parseJobKey(event.key()).orElseThrow().jobId();
        Optional<ObjectInfo> manifestInfo = store.head(BucketLayout.manifest(jobId));
        if (manifestInfo.isEmpty()) {
            return new StageOutcome(fn, event.key(), StageOutcome.WAITING, "frames still being extracted", jobId);
        }
        Manifest manifest = Json.read(store.getBytes(BucketLayout.manifest(jobId)), Manifest.class);
        List<ObjectInfo> features = store.list(BucketLayout.jobPrefix(jobId)).stream()
                .filter(o -> o.key().endsWith(BucketLayout.FEATURES_SUFFIX)).toList();
        if (features.size() < manifest.chunks()) {
            return new StageOutcome(fn, event.key(), StageOutcome.WAITING,
                    features.size() + " of " + manifest.chunks() + " chunks encoded", jobId);
        }
        Optional<ObjectInfo> source = store.head(manifest.sourceKey());
        if (source.isEmpty() || !source.get().etag().equals(manifest.etag())) {
            return new StageOutcome(fn, event.key(), StageOutcome.SKIPPED,
                    "stale job: " + manifest.sourceKey() + " was replaced or removed", jobId);
        }
        String reportKey = BucketLayout.report(manifest.stem());
        if (store.exists(reportKey) && jobId.equals(Json.tree(store.getBytes(reportKey)).path("job_id").asText())) {
            return new StageOutcome(fn, event.key(), StageOutcome.SKIPPED, "already scored", jobId);
        }
        try {
            return generate(fn, event.key(), manifest, features);
        } catch (MediaException | IllegalArgumentException | ModelException e) {
            Failures.record(store, fn, manifest.name(), manifest.sourceKey(), manifest.etag(), jobId, e.getMessage());
            return new StageOutcome(fn, event.key(), StageOutcome.FAILED, e.getMessage(), jobId);
        }
    }

    private StageOutcome generate(String fn, String trigger, Manifest manifest, List<ObjectInfo> featureObjects) {
        long start = System.nanoTime();
        VisualAnalysis analysis = Json.read(store.getBytes(BucketLayout.analysis(manifest.jobId())), VisualAnalysis.class);
        Mood mood = Mood.fromFeatures(store, featureObjects);
        long encodeMs = featureObjects.stream()
                .mapToLong(o -> Long.parseLong(o.metadata().getOrDefault(EncodeVideoStage.ELAPSED_MS, "0"))).sum();
        MusicEngine engine = MusicEngines.create(settings.engine(), settings.neural(),
                (fraction, detail) -> progress.update(fn, 0.75 * fraction, detail));
        double origin = BeatPhase.origin(analysis.beatsS(), analysis.tempoBpm());
        MusicRequest request = new MusicRequest(manifest.durationS(), analysis.tempoBpm(), origin, analysis.cutsS(),
                analysis.energy(), analysis.envelopeRateHz(), mood.brightness(), mood.warmth(), mood.saturation(), settings.seed(),
                settings.overrides()).withAccents(analysis.onsetEnvelope());
        SemanticConditioning semantics = SemanticConditioning.of(store, manifest, analysis, settings.neural());
        request = request.withConditioning(semantics.conditioning(settings.neural().prompt()));
        try (TempDir tmp = new TempDir("generate")) {
            Path wav = tmp.resolve("music.wav");
            Path video = store.download(manifest.sourceKey(), tmp.resolve("source"));
            Path scored = tmp.resolve("scored.mp4");
            Path spool = tmp.resolve("render.f32");
            LoudnessMeter rendered = new LoudnessMeter();
            MusicResult music;
            try (PcmSink sink = PcmSink.tee(new PcmSpool(spool), new AsyncSink(rendered), counting(manifest.durationS()))) {
                music = engine.render(request, sink);
            }
            progress.update(fn, 0.8, "mastering");
            Mastered mastered = master(spool, rendered.integratedLufs(), wav);
            progress.update(fn, 0.9, "muxing");
            ScoredVideoMuxer.mux(video, wav, scored, settings.keepOriginalAudio());
            store.putFile(BucketLayout.soundtrack(manifest.stem()), wav, Map.of("job-id", manifest.jobId()));
            Optional<byte[]> midi = engine.midi(request);
            if (midi.isPresent()) {
                store.put(BucketLayout.midi(manifest.stem()), midi.get(), Map.of("job-id", manifest.jobId()));
            }
            store.putFile(BucketLayout.scored(manifest.stem()), scored, Map.of("job-id", manifest.jobId()));
            boolean plotted = writePlot(manifest, analysis, mastered);
            long generateMs = (System.nanoTime() - start) / 1_000_000;
            byte[] report = Reports.build(manifest, analysis, music, mastered, settings, mood,
                    new Reports.Timings(manifest.extractMs(), encodeMs, generateMs), midi.isPresent(), plotted);
            report = Reports.withNeural(report, Reports.EncoderUsed.of(featureObjects), request.conditioning(), semantics);
            report = Reports.withEngineDetails(report, engine.reportDetails());
            store.put(BucketLayout.report(manifest.stem()), report, Map.of("job-id", manifest.jobId()));
        }
        store.delete(BucketLayout.failed(manifest.name())); // an earlier version's failure no longer applies
        progress.update(fn, 1, "done");
        return new StageOutcome(fn, trigger, StageOutcome.DONE, "scored " + manifest.name(), manifest.jobId());
    }

    /**
     * reports/&lt;stem&gt;.png, before the report (which marks the job done). The plot explains the score but is
     * not the score: a Java runtime without a working AWT loses the picture, with a log line, not the music.
     */
    private boolean writePlot(Manifest manifest, VisualAnalysis analysis, Mastered mastered) {
        double[] musicBeats = mastered.tracker().beats();
        TimelinePlot plot = new TimelinePlot(new TimelinePlot.Data(manifest.name(), manifest.durationS(),
                analysis.onsetEnvelope(), analysis.envelopeRateHz(), analysis.beatsS(), musicBeats, analysis.cutsS(),
                analysis.tempoBpm(), analysis.rhythmic(), mastered.tracker().tempo().bpm(),
                Reports.beatFMeasure(analysis.beatsS(), musicBeats), Reports.TOLERANCE_S));
        byte[] png;
        try {
            png = plot.png();
        } catch (RuntimeException | LinkageError e) {
            LOG.warning("job " + manifest.jobId() + ": no plot, Java's image support failed: " + e);
            return false;
        }
        store.put(BucketLayout.plot(manifest.stem()), png, Map.of("job-id", manifest.jobId()));
        return true;
    }

    /** The final audio: where it landed, and the beats the audio tracker heard in it. */
    record Mastered(LoudnessMeter meter, AudioOnsetTracker tracker, double gainDb) {
    }

    /**
     * Gain to the target loudness and true-peak limiting, replayed from the spool. When the limiter
     * costs loudness (drum-heavy material), one more pass with a corrected gain brings it back within
     * 0.5 LU (see {@link Mastering#refine}).
     */
    private static Mastered master(Path spool, double renderedLufs, Path wav) {
        double gain = Mastering.gainFor(renderedLufs);
        Mastered result = masterOnce(spool, gain, wav);
        double lufs = result.meter().integratedLufs();
        if (Double.isFinite(lufs) && Math.abs(lufs - Mastering.TARGET_LUFS) > 0.5) {
            result = masterOnce(spool, Mastering.refine(gain, lufs), wav);
        }
        return result;
    }

    private static Mastered masterOnce(Path spool, double gainDb, Path wav) {
        LoudnessMeter meter = new LoudnessMeter();
        AudioOnsetTracker tracker = new AudioOnsetTracker();
        try (PcmSink out = Mastering.chain(gainDb, PcmSink.tee(new WavWriter(wav), meter, new AsyncSink(tracker)))) {
            PcmSpool.replay(spool, out);
        }
        return new Mastered(meter, tracker, gainDb);
    }

    /** Reports render progress by counting what reaches the sink. */
    private PcmSink counting(double durationS) {
        long total = Math.max(1, Math.round(durationS * PcmSink.SAMPLE_RATE));
        return new PcmSink() {
            private long written;
            private long lastReport;

            @Override
            public void write(float[] interleaved, int frames) {
                written += frames;
                if (written - lastReport >= PcmSink.SAMPLE_RATE) {
                    lastReport = written;
                    progress.update(StageName.GENERATE_MUSIC.functionName(), 0.75 * written / total, "rendering");
                }
            }
        };
    }

    /** Whole-video colour mood from the encoder's per-frame features. */
    record Mood(double brightness, double warmth, double saturation, double colourfulness, double edges, int frames) {
        static Mood fromFeatures(ObjectStore store, List<ObjectInfo> chunks) {
            double[] sums = new double[LowLevelFrameEncoder.DIM];
            int frames = 0;
            for (ObjectInfo chunk : chunks) {
                Npy.Tensor t = Npy.read(store.getBytes(chunk.key()));
                int d = t.rowLength();
                for (int i = 0; i < t.rows(); i++) {
                    for (int k = 0; k < Math.min(d, sums.length); k++) {
                        sums[k] += t.f32()[i * d + k];
                    }
                }
                frames += t.rows();
            }
            int n = Math.max(1, frames);
            return new Mood(sums[LowLevelFrameEncoder.BRIGHTNESS] / n, sums[LowLevelFrameEncoder.WARMTH] / n,
                    sums[LowLevelFrameEncoder.SATURATION] / n, sums[LowLevelFrameEncoder.COLOURFULNESS] / n,
                    sums[LowLevelFrameEncoder.EDGES] / n, frames);
        }
    }
}
