package io.vidscore.tools;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.vidscore.neural.ClipImageEncoder;
import io.vidscore.neural.ClipPreprocessor;
import io.vidscore.neural.Device;
import io.vidscore.neural.ModelFolder;
import io.vidscore.neural.OnnxSessions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * Encode throughput of the project's CLIP encoder (what encode-video runs: preprocessing of stored 224×224
 * crops, batching, tensor creation, inference, copying the embeddings out) against a bare ONNX Runtime
 * session running the same model on the same batches, two ways: (a) "bare, ready pixels": pixel values
 * made before the clock starts, so only tensor creation and inference are timed — the model's own speed;
 * (b) "bare, same input": the same uint8 crops, converted with a plain inline loop ((x/255 − mean)/std,
 * channels first) into one direct buffer per batch — what a user of the raw API must do at the least.
 * Alternates the three, several rounds, and reports the best round of each (the least disturbed by other
 * processes on the machine).
 *
 * <pre>java -cp target/quarkus-app/... io.vidscore.tools.ClipEncodeBench &lt;models dir&gt; [frames] [batch] [rounds] [device]</pre>
 */
public final class ClipEncodeBench {
    private static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    private static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};

    private ClipEncodeBench() {
    }

    public static void main(String[] args) throws Exception {
        Path models = Path.of(args.length > 0 ? args[0] : "models/fixtures");
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Device device = args.length > 4 ? Device.parse(args[4]) : Device.CPU;
        Path model = new ModelFolder(models).require(ModelFolder.CLIP, ClipImageEncoder.FILE);

        byte[] crops = new byte[frames * ClipPreprocessor.SIZE * ClipPreprocessor.SIZE * 3];
        new Random(1).nextBytes(crops);
        int per = ClipPreprocessor.pixelsPerImage();
        // The bare side gets its pixel values ready-made, one direct buffer per batch, outside the timing.
        FloatBuffer[] ready = new FloatBuffer[(frames + batch - 1) / batch];
        float[] one = new float[per];
        for (int b = 0; b < ready.length; b++) {
            int count = Math.min(batch, frames - b * batch);
            ready[b] = ByteBuffer.allocateDirect(count * per * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
            for (int i = 0; i < count; i++) {
                ClipPreprocessor.pixelValues(crops, (b * batch + i) * per, ClipPreprocessor.SIZE, ClipPreprocessor.SIZE, one, 0);
                ready[b].put(one);
            }
            ready[b].flip();
        }
        OrtEnvironment env = OnnxSessions.environment();
        try (ClipImageEncoder project = new ClipImageEncoder(model, device);
                OrtSession bare = OnnxSessions.open(model, device).session()) {
            String in = bare.getInputInfo().keySet().iterator().next();
            String out = bare.getOutputInfo().keySet().iterator().next();
            float[] sink = new float[frames * project.dim()];
            double bestProject = Double.MAX_VALUE;
            double bestBare = Double.MAX_VALUE;
            double bestSame = Double.MAX_VALUE;
            for (int r = 0; r <= rounds; r++) { // round 0 warms both up and is not counted
                long t0 = System.nanoTime();
                float[] e = project.encodeFrames(crops, 0, frames, ClipPreprocessor.SIZE, ClipPreprocessor.SIZE, batch);
                long t1 = System.nanoTime();
                for (int b = 0; b < ready.length; b++) {
                    int count = Math.min(batch, frames - b * batch);
                    ready[b].rewind();
                    try (OnnxTensor t = OnnxTensor.createTensor(env, ready[b], new long[] {count, 3, ClipPreprocessor.SIZE, ClipPreprocessor.SIZE});
                            OrtSession.Result res = bare.run(Map.of(in, t))) {
                        ((OnnxTensor) res.get(out).orElseThrow()).getFloatBuffer().get(sink, b * batch * project.dim(), count * project.dim());
                    }
                }
                long t2 = System.nanoTime();
                if (r == 0) {
                    check(e, sink);
                }
                java.util.Arrays.fill(sink, 0);
                FloatBuffer direct = ByteBuffer.allocateDirect(Math.min(batch, frames) * per * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
                long t3 = System.nanoTime();
                for (int b = 0; b < ready.length; b++) {
                    int count = Math.min(batch, frames - b * batch);
                    int plane = ClipPreprocessor.SIZE * ClipPreprocessor.SIZE;
                    for (int i = 0; i < count; i++) {
                        int src = (b * batch + i) * plane * 3;
                        for (int p = 0; p < plane; p++) {
                            for (int c = 0; c < 3; c++) {
                                direct.put(i * per + c * plane + p, ((crops[src + p * 3 + c] & 0xff) / 255f - MEAN[c]) / STD[c]);
                            }
                        }
                    }
                    direct.position(0).limit(count * per);
                    try (OnnxTensor t = OnnxTensor.createTensor(env, direct, new long[] {count, 3, ClipPreprocessor.SIZE, ClipPreprocessor.SIZE});
                            OrtSession.Result res = bare.run(Map.of(in, t))) {
                        ((OnnxTensor) res.get(out).orElseThrow()).getFloatBuffer().get(sink, b * batch * project.dim(), count * project.dim());
                    }
                    direct.clear();
                }
                long t4 = System.nanoTime();
                if (r == 0) {
                    check(e, sink);
                    continue;
                }
                bestProject = Math.min(bestProject, (t1 - t0) / 1e9);
                bestBare = Math.min(bestBare, (t2 - t1) / 1e9);
                bestSame = Math.min(bestSame, (t4 - t3) / 1e9);
            }
            double fpsProject = frames / bestProject;
            double fpsBare = frames / bestBare;
            System.out.printf("model=%s device=%s frames=%d batch=%d rounds=%d%n", model, project.device(), frames, batch, rounds);
            System.out.printf("project  %.1f frames/s (best round %.3f s)%n", fpsProject, bestProject);
            double fpsSame = frames / bestSame;
            System.out.printf("bare ORT, ready pixels %.1f frames/s (best round %.3f s)%n", fpsBare, bestBare);
            System.out.printf("bare ORT, same input   %.1f frames/s (best round %.3f s)%n", fpsSame, bestSame);
            System.out.printf("ratio project/bare(ready pixels) = %.3f%n", fpsProject / fpsBare);
            System.out.printf("ratio project/bare(same input)   = %.3f%n", fpsProject / fpsSame);
        }
    }

    /** Both sides must compute the same embeddings, or the comparison means nothing. */
    private static void check(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-4) {
                throw new IllegalStateException("project and bare embeddings differ at " + i + ": " + a[i] + " vs " + b[i]);
            }
        }
    }
}
