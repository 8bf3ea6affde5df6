package io.vidscore.tools;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.vidscore.neural.ClipImageEncoder;
import io.vidscore.neural.ClipPreprocessor;
import io.vidscore.neural.Device;
import io.vidscore.neural.ModelFolder;
import io.vidscore.neural.OnnxSessions;
import io.vidscore.pipeline.ChainSettings;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Encode throughput of the project's CLIP encoder against a bare ONNX Runtime session on the same model file,
 * opened with the same session options ({@link OnnxSessions#open}: same optimisation level, same default
 * intra-op threads), fed the same batches. The frames come in chunks (64 by default, what extract-frames writes
 * and one encode-video invocation encodes) and batches never span chunks, as in the stage. Sides, all in one
 * process, taking turns within every round (the order rotates round by round, so none always runs first):
 * <ul>
 * <li><b>project</b>: {@link ClipImageEncoder#encodeFrames} on the uint8 224×224 crops, one call per chunk,
 * what encode-video runs (conversion to pixel values, shared with its converter threads; tensors; inference;
 * embeddings copied out).</li>
 * <li><b>bare, ready pixels</b>: the pixel values of every batch made before the clock starts, one direct buffer
 * per batch: only tensor creation, inference and the copy out are timed, i.e. the model's own speed on the
 * same batches. The strictest reference: it is given the conversion for free.</li>
 * <li><b>bare, same input</b>: the same uint8 crops as the project, converted with the project's own (fastest)
 * conversion, {@link ClipPreprocessor#pixelValues}, into one reused direct buffer, then run, batch after
 * batch on one thread: the raw API used well, without the overlap.</li>
 * <li><b>bare, one hot buffer</b>: the first batch's ready pixel values run for every batch. Not the same
 * batches: an upper bound that shows how much of "ready pixels" is reading 600 KB a frame from memory (a
 * small batch stays in cache here, as the project's reused buffers do).</li>
 * </ul>
 * First the ready-pixel and same-input sides are checked to compute the project's embeddings; then warm-up
 * rounds (not counted) let the JIT compile every side. Prints each side's median and best frames/s over the rounds and the median over rounds of
 * project time / reference time ratios (paired within a round, so a load change between rounds cancels).
 *
 * <pre>bench/clip-encode.sh &lt;models dir&gt; [frames] [batch] [rounds] [device] [chunk]</pre>
 */
public final class ClipEncodeBench {
    private static final int WARM_UP = 3;
    private static final long SETTLE_MS = 100;
    private static final int PLANE = ClipPreprocessor.SIZE * ClipPreprocessor.SIZE;
    private static final String[] SIDES = {"project", "bare, ready pixels", "bare, same input", "bare, one hot buffer"};

    private final OrtEnvironment env = OnnxSessions.environment();
    private final ClipImageEncoder project;
    private final OrtSession bare;
    private final String in;
    private final String out;
    private final byte[] crops;
    private final int frames;
    private final int chunk;
    private final int batch;
    /** First frame and size of every batch: batches never span chunks, as in encode-video. */
    private final int[][] batches;
    private final FloatBuffer[] ready;
    private final FloatBuffer scratch;
    private final float[] sink;

    private ClipEncodeBench(ClipImageEncoder project, OrtSession bare, byte[] crops, int frames, int chunk, int batch) throws OrtException {
        this.project = project;
        this.bare = bare;
        this.in = bare.getInputInfo().keySet().iterator().next();
        this.out = bare.getOutputInfo().keySet().iterator().next();
        this.crops = crops;
        this.frames = frames;
        this.chunk = chunk;
        this.batch = batch;
        List<int[]> list = new ArrayList<>();
        for (int c = 0; c < frames; c += chunk) {
            int end = Math.min(frames, c + chunk);
            for (int f = c; f < end; f += batch) {
                list.add(new int[] {f, Math.min(batch, end - f)});
            }
        }
        this.batches = list.toArray(int[][]::new);
        int per = ClipPreprocessor.pixelsPerImage();
        this.ready = new FloatBuffer[batches.length];
        for (int b = 0; b < ready.length; b++) {
            ready[b] = direct(batches[b][1] * per);
            for (int i = 0; i < batches[b][1]; i++) {
                ClipPreprocessor.pixelValues(crops, (batches[b][0] + i) * PLANE * 3, ClipPreprocessor.SIZE, ClipPreprocessor.SIZE, ready[b], i * per);
            }
        }
        this.scratch = direct(Math.min(batch, frames) * per);
        this.sink = new float[frames * project.dim()];
    }

    public static void main(String[] args) throws Exception {
        Path models = Path.of(args.length > 0 ? args[0] : "models/fixtures");
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 9;
        Device device = args.length > 4 ? Device.parse(args[4]) : Device.CPU;
        int chunk = args.length > 5 ? Integer.parseInt(args[5]) : ChainSettings.DEFAULT.chunkFrames();
        Path model = new ModelFolder(models).require(ModelFolder.CLIP, ClipImageEncoder.FILE);

        byte[] crops = new byte[frames * ClipPreprocessor.SIZE * ClipPreprocessor.SIZE * 3];
        new Random(1).nextBytes(crops);
        try (ClipImageEncoder project = new ClipImageEncoder(model, device);
                OrtSession bare = OnnxSessions.open(model, device).session()) {
            new ClipEncodeBench(project, bare, crops, frames, chunk, batch).measure(rounds, model, project.device());
        }
    }

    private void measure(int rounds, Path model, Device device) throws OrtException {
        double[][] seconds = new double[SIDES.length][rounds];
        reference = runSide(0).clone();
        check(SIDES[1], runSide(1));
        check(SIDES[2], runSide(2));
        for (int r = -WARM_UP; r < rounds; r++) { // warm-up rounds let the JIT compile every side, and are not counted
            for (int k = 0; k < SIDES.length; k++) {
                int side = Math.floorMod(k + r, SIDES.length);
                settle();
                long t0 = System.nanoTime();
                runSide(side);
                double s = (System.nanoTime() - t0) / 1e9;
                if (r >= 0) {
                    seconds[side][r] = s;
                }
            }
        }
        System.out.printf("model=%s device=%s frames=%d in chunks of %d, batch=%d, rounds=%d (+%d warm-up)%n",
                model, device, frames, chunk, batch, rounds, WARM_UP);
        for (int side = 0; side < SIDES.length; side++) {
            double[] t = seconds[side].clone();
            Arrays.sort(t);
            System.out.printf("%-22s median %8.1f frames/s, best %8.1f frames/s%n", SIDES[side], frames / median(t), frames / t[0]);
        }
        for (int side = 1; side < SIDES.length; side++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = seconds[side][r] / seconds[0][r];
            }
            Arrays.sort(ratio);
            System.out.printf("ratio project/%-20s = %.3f (median of %d paired rounds; range %.3f..%.3f)%n",
                    "(" + SIDES[side] + ")", median(ratio), rounds, ratio[0], ratio[rounds - 1]);
        }
    }

    private float[] runSide(int side) throws OrtException {
        Arrays.fill(sink, 0);
        int dim = project.dim();
        if (side == 0) { // one call per chunk, as encode-video makes
            for (int c = 0; c < frames; c += chunk) {
                int n = Math.min(chunk, frames - c);
                float[] e = project.encodeFrames(crops, c * PLANE * 3, n, ClipPreprocessor.SIZE, ClipPreprocessor.SIZE, batch);
                System.arraycopy(e, 0, sink, c * dim, n * dim);
            }
            return sink;
        }
        int per = ClipPreprocessor.pixelsPerImage();
        for (int b = 0; b < batches.length; b++) {
            int first = batches[b][0];
            int count = batches[b][1];
            FloatBuffer pixels;
            if (side == 1) {
                pixels = ready[b];
            } else if (side == 2) {
                for (int i = 0; i < count; i++) {
                    ClipPreprocessor.pixelValues(crops, (first + i) * PLANE * 3, ClipPreprocessor.SIZE, ClipPreprocessor.SIZE, scratch, i * per);
                }
                pixels = scratch;
            } else {
                pixels = ready[0];
            }
            pixels.position(0).limit(count * per);
            try (OnnxTensor t = OnnxTensor.createTensor(env, pixels, new long[] {count, 3, ClipPreprocessor.SIZE, ClipPreprocessor.SIZE});
                    OrtSession.Result res = bare.run(Map.of(in, t))) {
                ((OnnxTensor) res.get(out).orElseThrow()).getFloatBuffer().get(sink, first * dim, count * dim);
            }
        }
        return sink;
    }

    /**
     * A pause before each side: ONNX Runtime's pool threads spin for a while after a run, and without the pause
     * whichever side runs right after the other session would share the cores with those spinning threads.
     */
    private static void settle() {
        try {
            Thread.sleep(SETTLE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static FloatBuffer direct(int floats) {
        return ByteBuffer.allocateDirect(floats * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private float[] reference;

    /** Every side must compute the same embeddings as the project, or the comparison means nothing. */
    private void check(String side, float[] e) {
        double worst = 0;
        for (int i = 0; i < e.length; i++) {
            worst = Math.max(worst, Math.abs(reference[i] - e[i]));
        }
        if (worst > 1e-4) {
            throw new IllegalStateException(side + " and project embeddings differ: max |diff| " + worst);
        }
        System.out.printf("%s: same embeddings as the project (max |diff| %.2g)%n", side, worst);
    }
}
