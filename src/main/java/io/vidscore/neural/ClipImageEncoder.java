package io.vidscore.neural;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * CLIP's vision tower (onnx/vision_model.onnx of the published export): RGB frames → image_embeds [n,512],
 * not normalised. Frames are preprocessed as {@link ClipPreprocessor} says and run in batches; each batch is
 * written straight into one direct buffer that ONNX Runtime reads without a copy. Names are read from the
 * session (image_embeds when present), so another export with the same contract also loads.
 * Thread-safe: ONNX Runtime sessions may run concurrently; each call uses its own buffers.
 */
public final class ClipImageEncoder implements AutoCloseable {
    public static final String FILE = "onnx/vision_model.onnx";
    public static final String NAME = "clip-vit-base-patch32";

    private final OrtEnvironment env = OnnxSessions.environment();
    private final OrtSession session;
    private final Device device;
    private final String input;
    private final String output;
    private final int dim;

    public ClipImageEncoder(Path model, Device requested) {
        OnnxSessions.Opened opened = OnnxSessions.open(model, requested);
        this.session = opened.session();
        this.device = opened.device();
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
    }

    public Device device() {
        return device;
    }

    public int dim() {
        return dim;
    }

    /**
     * Embeddings of {@code n} RGB frames ({@code w*h*3} bytes each, back to back from {@code offset}), in
     * batches of at most {@code batch}; row i of the result is frame i. Each batch is preprocessed straight
     * into this thread's direct buffer, kept between calls: allocating (and zeroing) a fresh one per chunk
     * cost more than the preprocessing itself (bench/NEURAL.md).
     */
    public float[] encodeFrames(byte[] rgb, int offset, int n, int w, int h, int batch) {
        float[] embeds = new float[n * dim];
        int per = ClipPreprocessor.pixelsPerImage();
        float[] pixels = new float[per];
        FloatBuffer buf = buffer(Math.min(batch, Math.max(n, 1)) * per);
        for (int start = 0; start < n; start += batch) {
            int count = Math.min(batch, n - start);
            buf.clear();
            for (int i = 0; i < count; i++) {
                ClipPreprocessor.pixelValues(rgb, offset + (start + i) * w * h * 3, w, h, pixels, 0);
                buf.put(pixels);
            }
            buf.flip();
            run(buf, count, embeds, start * dim);
        }
        return embeds;
    }

    private final ThreadLocal<FloatBuffer> buffers = new ThreadLocal<>();

    private FloatBuffer buffer(int floats) {
        FloatBuffer b = buffers.get();
        if (b == null || b.capacity() < floats) {
            b = ByteBuffer.allocateDirect(floats * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
            buffers.set(b);
        }
        return b;
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
        OnnxSessions.closeQuietly(session);
    }
}
