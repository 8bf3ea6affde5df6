package io.vidscore.pipeline;

import io.vidscore.analysis.LowLevelFrameEncoder;
import io.vidscore.events.ObjectCreated;
import io.vidscore.neural.ClipImageEncoder;
import io.vidscore.neural.ClipModels;
import io.vidscore.store.ObjectStore;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * encode-video: one invocation per frame chunk, so encoding fans out. Always writes the built-in low-level
 * features (float32 [n,33]: the colour mood generate-music reads); when {@code --models} holds CLIP's vision
 * model, first writes the chunk's CLIP image embeddings (float32 [n,512], {@link BucketLayout#clip}) for the
 * semantic conditioning. The features file is written last: it is the chunk's completion mark.
 *
 * <p>The frames arrive as extract-frames stored them: 224×224 RGB centre crops of a working copy whose short
 * edge FFmpeg scaled to 224 with its bicubic filter. CLIP's reference scales with Pillow's bicubic; the two
 * kernels differ slightly (FFmpeg's default is B=0, C=0.6; Pillow's a=−0.5), so frame pixels may differ from
 * the reference by a level or two. From the crop on, the preprocessing is the reference's, exactly
 * ({@link io.vidscore.neural.ClipPreprocessor}).
 */
public final class EncodeVideoStage {
    /** Object metadata carrying this invocation's time to the report. */
    public static final String ELAPSED_MS = "elapsed-ms";
    public static final String ENCODER = "encoder";
    /** Where the CLIP model ran (cpu or cuda), on the features and clip objects. */
    public static final String DEVICE = "device";
    public static final String BUILTIN = "builtin-lowlevel";
    /** Frames in the chunk, and milliseconds the CLIP encoder spent on them (absent without CLIP), for the report's throughput. */
    public static final String FRAMES = "frames";
    public static final String CLIP_MS = "clip-ms";

    private final ObjectStore store;
    private final ChainSettings settings;
    private final Progress progress;

    public EncodeVideoStage(ObjectStore store, ChainSettings settings, Progress progress) {
        this.store = store;
        this.settings = settings;
        this.progress = progress;
    }

    public StageOutcome handle(ObjectCreated event) {
        String fn = StageName.ENCODE_VIDEO.functionName();
        BucketLayout.JobObject job = BucketLayout.parseJobKey(event.key()).orElseThrow();
        String out = BucketLayout.features(job.jobId(), job.chunk());
        if (store.exists(out)) {
            return new StageOutcome(fn, event.key(), StageOutcome.SKIPPED, "already encoded", job.jobId());
        }
        if (!store.exists(event.key())) {
            return new StageOutcome(fn, event.key(), StageOutcome.SKIPPED, "frame chunk is gone (job expired)", job.jobId());
        }
        long start = System.nanoTime();
        Npy.Tensor frames = Npy.read(store.getBytes(event.key()));
        int n = frames.rows();
        int h = frames.shape()[1];
        int w = frames.shape()[2];
        String encoder = BUILTIN;
        String device = "cpu";
        Map<String, String> meta = new java.util.HashMap<>();
        Optional<ClipImageEncoder> clip = settings.neural().models().flatMap(f -> ClipModels.vision(f, settings.neural().device()));
        if (clip.isPresent()) {
            ClipImageEncoder c = clip.get();
            long clipStart = System.nanoTime();
            float[] embeds = c.encodeFrames(frames.u8(), 0, n, w, h, settings.neural().clipBatch());
            meta.put(CLIP_MS, Long.toString((System.nanoTime() - clipStart) / 1_000_000));
            device = c.device().name().toLowerCase(Locale.ROOT);
            encoder = ClipImageEncoder.NAME + "+" + BUILTIN;
            store.put(BucketLayout.clip(job.jobId(), job.chunk()), Npy.writeF32(embeds, n, c.dim()),
                    Map.of(ENCODER, ClipImageEncoder.NAME, DEVICE, device));
        }
        float[] features = new float[n * LowLevelFrameEncoder.DIM];
        for (int i = 0; i < n; i++) {
            LowLevelFrameEncoder.encode(frames.u8(), i * w * h * 3, w, features, i * LowLevelFrameEncoder.DIM);
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        meta.putAll(Map.of(ELAPSED_MS, Long.toString(elapsed), ENCODER, encoder, DEVICE, device, FRAMES, Integer.toString(n)));
        store.put(out, Npy.writeF32(features, n, LowLevelFrameEncoder.DIM), meta);
        progress.update(fn, 1, "chunk " + job.chunk());
        return new StageOutcome(fn, event.key(), StageOutcome.DONE, n + " frames encoded (" + encoder + ", " + device + ")", job.jobId());
    }
}
