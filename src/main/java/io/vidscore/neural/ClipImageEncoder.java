package io.vidscore.neural;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * CLIP's vision tower (onnx/vision_model.onnx of the published export): RGB frames → image_embeds [n,512],
 * not normalised. Frames are preprocessed as {@link ClipPreprocessor} says and run in batches; each batch is
 * written straight into a direct buffer that ONNX Runtime reads without a copy. Names are read from the
 * session (image_embeds when present), so another export with the same contract also loads.
 * Thread-safe: ONNX Runtime sessions may run concurrently; each call takes its own buffers.
 */
public final class ClipImageEncoder implements AutoCloseable {
    public static final String FILE = "onnx/vision_model.onnx";
    public static final String NAME = "clip-vit-base-patch32";
    /**
     * Converter threads beside the caller, when the model runs on CUDA: there a run leaves the CPU idle, so
     * batch k+1 is converted while batch k runs. Not on the CPU, where ONNX Runtime's own threads (one per
     * physical core) work during a run and spin for ~10–20 ms after it: extra converter threads only took turns
     * with them and measured no faster, at batch 1 ~10 % slower, than the caller converting alone (bench/NEURAL.md).
     */
    static final int CONVERTERS = Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors() - 1));

    private final OrtEnvironment env = OnnxSessions.environment();
    private final OrtSession session;
    private final Device device;
    private final String input;
    private final String output;
    private final int dim;
    private final DirectBuffers buffers = new DirectBuffers();
    private final boolean convertAhead;
    /**
     * Null unless converting ahead. They only ever claim work from a {@link BatchFill} and never wait on
     * anything, so a late one delays nobody.
     */
    private final ExecutorService converters;

    public ClipImageEncoder(Path model, Device requested) {
        this(model, requested, null);
    }

    /**
     * {@code convertAhead}: convert batch k+1 on {@link #CONVERTERS} threads while the session runs batch k.
     * Null chooses by device: yes on CUDA, no on the CPU (see {@link #CONVERTERS}). Tests force it on the CPU.
     */
    ClipImageEncoder(Path model, Device requested, Boolean convertAhead) {
        OnnxSessions.Opened opened = OnnxSessions.open(model, requested);
        this.session = opened.session();
        this.device = opened.device();
        this.convertAhead = convertAhead != null ? convertAhead : device == Device.CUDA;
        try {
            Map<String, NodeInfo> in = session.getInputInfo();
            Map<String, NodeInfo> out = session.getOutputInfo();
            this.input = in.containsKey("pixel_values") ? "pixel_values" : in.keySet().iterator().next();
            this.output = out.containsKey("image_embeds") ? "image_embeds" : out.keySet().iterator().next();
            long[] shape = ((TensorInfo) out.get(output).getInfo()).getShape();
            this.dim = (int) shape[shape.length - 1];
            long[] inShape = ((TensorInfo) in.get(input).getInfo()).getShape();
            if (inShape.length != 4 || inShape[1] != 3 || inShape[2] != ClipPreprocessor.SIZE || inShape[3] != ClipPreprocessor.SIZE) {
                throw new ModelException(model + " does not take pixel_values [N,3,224,224]: it is not CLIP ViT-B/32's vision model");
            }
        } catch (OrtException e) {
            OnnxSessions.closeQuietly(session);
            throw new ModelException("cannot read the inputs and outputs of " + model + ": " + e.getMessage(), e);
        }
        this.converters = this.convertAhead ? Executors.newFixedThreadPool(CONVERTERS, r -> {
            Thread t = new Thread(r, "vidscore-clip-convert");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    public Device device() {
        return device;
    }

    public int dim() {
        return dim;
    }

    /**
     * Embeddings of {@code n} RGB frames ({@code w*h*3} bytes each, back to back from {@code offset}), in
     * batches of at most {@code batch}; row i of the result is frame i.
     *
     * <p>Each batch's pixel values are written once, in place, into a direct buffer the tensor wraps. On the CPU
     * this thread converts a batch, runs it, converts the next into the same buffer; on CUDA the converter
     * threads write batch k+1 into a second buffer during the run of batch k, and this thread joins in on what
     * is left when the run returns (the work is handed out in bands of rows). Buffers are kept between calls:
     * allocating and zeroing fresh ones cost more than the model (bench/NEURAL.md).
     */
    public float[] encodeFrames(byte[] rgb, int offset, int n, int w, int h, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch size " + batch + " < 1");
        }
        float[] embeds = new float[n * dim];
        if (n == 0) {
            return embeds;
        }
        int floats = Math.min(batch, n) * ClipPreprocessor.pixelsPerImage();
        FloatBuffer[] pair = {buffers.take(floats), convertAhead && n > batch ? buffers.take(floats) : null};
        BatchFill next = fill(rgb, offset, w, h, 0, Math.min(batch, n), pair[0]);
        try {
            for (int start = 0, k = 0; start < n; start += batch, k++) {
                BatchFill current = next;
                next = null;
                current.finish();
                int count = Math.min(batch, n - start);
                int following = start + batch;
                if (convertAhead && following < n) {
                    next = fill(rgb, offset, w, h, following, Math.min(batch, n - following), pair[(k + 1) % 2]);
                }
                run(current.buffer(), count, embeds, start * dim);
                if (!convertAhead && following < n) {
                    next = fill(rgb, offset, w, h, following, Math.min(batch, n - following), pair[0]);
                }
            }
        } finally {
            if (next != null) {
                next.abandon(); // a run failed: no converter may write into a buffer that goes back to the pool
            }
            buffers.give(pair[0]);
            if (pair[1] != null) {
                buffers.give(pair[1]);
            }
        }
        return embeds;
    }

    /** Frames {@code [first, first+count)} into {@code into}: started on the converter threads, if any. */
    private BatchFill fill(byte[] rgb, int offset, int w, int h, int first, int count, FloatBuffer into) {
        BatchFill f = new BatchFill(rgb, offset, w, h, first, count, into);
        if (converters != null) {
            for (int i = 0; i < CONVERTERS; i++) {
                converters.execute(f::work);
            }
        }
        return f;
    }

    /** One batch of ready pixel_values ([count,3,224,224] in {@code pixelValues}) into {@code out[outOffset..]}. */
    public void run(FloatBuffer pixelValues, int count, float[] out, int outOffset) {
        long[] shape = {count, 3, ClipPreprocessor.SIZE, ClipPreprocessor.SIZE};
        try (OnnxTensor t = OnnxTensor.createTensor(env, pixelValues, shape);
                OrtSession.Result r = session.run(Map.of(input, t))) {
            FloatBuffer e = ((OnnxTensor) r.get(output).orElseThrow()).getFloatBuffer();
            e.get(out, outOffset, count * dim);
        } catch (OrtException e) {
            throw new ModelException("CLIP vision model failed on a batch of " + count + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (converters != null) {
            converters.shutdown();
        }
        OnnxSessions.closeQuietly(session);
    }
}
