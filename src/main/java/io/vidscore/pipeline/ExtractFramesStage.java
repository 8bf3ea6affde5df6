package io.vidscore.pipeline;

import io.vidscore.analysis.VisualAnalysis;
import io.vidscore.analysis.VisualAnalyzer;
import io.vidscore.events.ObjectCreated;
import io.vidscore.media.FrameListener;
import io.vidscore.media.MediaException;
import io.vidscore.media.VideoDecoder;
import io.vidscore.media.VideoInfo;
import io.vidscore.store.ObjectInfo;
import io.vidscore.store.ObjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * extract-frames: one decode pass over an uploaded video. Writes the sampled RGB frames in chunks as
 * they fill (so memory holds one chunk, never the video), then the dense analysis, then the manifest —
 * last, because its presence tells generate-music that everything before it is there.
 */
public final class ExtractFramesStage {
    private final ObjectStore store;
    private final ChainSettings settings;
    private final Progress progress;

    public ExtractFramesStage(ObjectStore store, ChainSettings settings, Progress progress) {
        this.store = store;
        this.settings = settings;
        this.progress = progress;
    }

    public StageOutcome handle(ObjectCreated event) {
        String fn = StageName.EXTRACT_FRAMES.functionName();
        String key = event.key();
        Optional<ObjectInfo> head = store.head(key);
        if (head.isEmpty()) {
            return new StageOutcome(fn, key, StageOutcome.SKIPPED, "the object is gone (deleted after upload)", null);
        }
        ObjectInfo source = head.get();
        if (!event.etag().isEmpty() && !event.etag().equals(source.etag())) {
            return new StageOutcome(fn, key, StageOutcome.SKIPPED, "stale event: the object was replaced by a newer upload", null);
        }
        String version = event.versionId() != null ? event.versionId() : source.etag();
        String jobId = JobId.of(store.bucket(), key, version);
        if (store.exists(BucketLayout.manifest(jobId))) {
            return new StageOutcome(fn, key, StageOutcome.SKIPPED, "already extracted", jobId);
        }
        String name = BucketLayout.nameOf(key);
        long start = System.nanoTime();
        try (TempDir tmp = new TempDir("extract")) {
            Path video = store.download(key, tmp.resolve("input"));
            ChunkWriter chunks = new ChunkWriter(jobId);
            VideoDecoder.Result result = VideoDecoder.decode(video,
                    new VideoDecoder.Settings(VideoDecoder.Settings.DEFAULT.analysisWidth(), settings.sampleFps(), VideoDecoder.Settings.DEFAULT.sampleSize()),
                    chunks);
            chunks.flush();
            VideoInfo info = result.info();
            double duration = info.durationS() > 0 ? info.durationS() : result.gridFrames() / info.fps();
            requireLongEnough(duration, result.framesDecoded());
            VisualAnalysis analysis = chunks.analyzer.finish(duration);
            store.put(BucketLayout.analysis(jobId), Json.bytes(analysis), Map.of());
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            Manifest manifest = new Manifest(jobId, store.bucket(), key, source.etag(), event.versionId(), name,
                    BucketLayout.stemOf(name), duration, info.width(), info.height(), info.fps(), result.framesDecoded(),
                    info.rotation(), info.codec(), info.hasAudio(), settings.sampleFps(), VideoDecoder.Settings.DEFAULT.sampleSize(),
                    chunks.chunkCount, chunks.sampleTimes, elapsed, info.interlaced());
            store.put(BucketLayout.manifest(jobId), Json.bytes(manifest), Map.of());
            progress.update(fn, 1, result.framesDecoded() + " frames");
            return new StageOutcome(fn, key, StageOutcome.DONE,
                    String.format("%d frames, %d chunks, %.1f s", result.framesDecoded(), chunks.chunkCount, duration), jobId);
        } catch (MediaException e) {
            Failures.record(store, fn, name, key, source.etag(), jobId, e.getMessage());
            return new StageOutcome(fn, key, StageOutcome.FAILED, e.getMessage(), jobId);
        }
    }

    /**
     * Shorter than this, there is nothing to score: a quarter second holds no musical gesture (one beat
     * at 120 BPM lasts half a second) and a single frame shows no motion at all. Longer clips are scored,
     * however short: they get music as long as they are, with a tempo from the mood.
     */
    static final double MIN_DURATION_S = 0.25;

    static void requireLongEnough(double durationS, int frames) {
        if (durationS < MIN_DURATION_S || frames < 2) {
            throw new MediaException(String.format(java.util.Locale.ROOT,
                    "too short to score: %.2f s (%d frame%s); vidscore needs at least %.2f s of video",
                    durationS, frames, frames == 1 ? "" : "s", MIN_DURATION_S));
        }
    }

    /** Receives the decode pass: feeds the analyzer and cuts the sampled frames into chunks. */
    private final class ChunkWriter implements FrameListener {
        private final String jobId;
        private VisualAnalyzer analyzer;
        private byte[] chunk;
        private int inChunk;
        private int size;
        private int chunkCount;
        private long expectedFrames;
        private final List<Double> sampleTimes = new ArrayList<>();

        ChunkWriter(String jobId) {
            this.jobId = jobId;
        }

        @Override
        public void started(VideoInfo info) {
            analyzer = new VisualAnalyzer(info.fps());
            expectedFrames = Math.max(1, info.expectedFrames());
        }

        @Override
        public void frame(int index, double timeS, byte[] grey, int width, int height, float brightness, float saturation, float warmth) {
            analyzer.accept(grey, width, brightness, saturation, warmth);
            if (index % 30 == 0) {
                progress.update(StageName.EXTRACT_FRAMES.functionName(), Math.min(0.99, index / (double) expectedFrames), index + " frames");
            }
        }

        @Override
        public void sample(int index, double timeS, byte[] rgb, int sampleSize) {
            if (chunk == null) {
                size = sampleSize;
                chunk = new byte[settings.chunkFrames() * sampleSize * sampleSize * 3];
            }
            System.arraycopy(rgb, 0, chunk, inChunk * rgb.length, rgb.length);
            sampleTimes.add(Math.round(timeS * 1e4) / 1e4);
            if (++inChunk == settings.chunkFrames()) {
                flush();
            }
        }

        void flush() {
            if (inChunk == 0) {
                return;
            }
            byte[] data = inChunk == settings.chunkFrames() ? chunk : java.util.Arrays.copyOf(chunk, inChunk * size * size * 3);
            store.put(BucketLayout.frames(jobId, chunkCount), Npy.writeU8(data, inChunk, size, size, 3), Map.of());
            chunkCount++;
            inChunk = 0;
        }
    }
}
