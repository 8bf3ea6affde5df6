package io.vidscore.pipeline;

import io.vidscore.analysis.LowLevelFrameEncoder;
import io.vidscore.events.ObjectCreated;
import io.vidscore.store.ObjectStore;
import java.util.Map;

/**
 * encode-video: one invocation per frame chunk, so encoding fans out. Writes float32 [n, d] embeddings
 * for the chunk. The built-in encoder needs no weights; a neural (CLIP) encoder plugs in here.
 */
public final class EncodeVideoStage {
    /** Object metadata carrying this invocation's time to the report. */
    public static final String ELAPSED_MS = "elapsed-ms";
    public static final String ENCODER = "encoder";

    private final ObjectStore store;
    private final Progress progress;

    public EncodeVideoStage(ObjectStore store, Progress progress) {
        this.store = store;
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
        int size = frames.shape()[1];
        float[] features = new float[n * LowLevelFrameEncoder.DIM];
        for (int i = 0; i < n; i++) {
            LowLevelFrameEncoder.encode(frames.u8(), i * size * size * 3, size, features, i * LowLevelFrameEncoder.DIM);
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        store.put(out, Npy.writeF32(features, n, LowLevelFrameEncoder.DIM),
                Map.of(ELAPSED_MS, Long.toString(elapsed), ENCODER, "builtin-lowlevel"));
        progress.update(fn, 1, "chunk " + job.chunk());
        return new StageOutcome(fn, event.key(), StageOutcome.DONE, n + " frames encoded", job.jobId());
    }
}
