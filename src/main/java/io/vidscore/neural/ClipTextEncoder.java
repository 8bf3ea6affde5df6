package io.vidscore.neural;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * CLIP's text tower (onnx/text_model.onnx): texts → text_embeds [n,512], not normalised. Texts are tokenized
 * with {@link ClipTokenizer} and padded with the end token to 77 (CLIP's attention is causal and it pools at
 * the first end token, so the padding changes nothing). Whether input_ids is int64 or int32 is read from the
 * session, as exports differ.
 */
public final class ClipTextEncoder implements AutoCloseable {
    public static final String FILE = "onnx/text_model.onnx";
    public static final String TOKENIZER = "tokenizer.json";

    private final OrtEnvironment env = OnnxSessions.environment();
    private final ClipTokenizer tokenizer;
    private final OrtSession session;
    private final Device device;
    private final String input;
    private final String output;
    private final boolean int64;
    private final int dim;

    public ClipTextEncoder(Path model, Path tokenizerJson, Device requested) {
        this.tokenizer = ClipTokenizer.load(tokenizerJson);
        OnnxSessions.Opened opened = OnnxSessions.open(model, requested);
        this.session = opened.session();
        this.device = opened.device();
        try {
            Map<String, NodeInfo> in = session.getInputInfo();
            Map<String, NodeInfo> out = session.getOutputInfo();
            this.input = in.containsKey("input_ids") ? "input_ids" : in.keySet().iterator().next();
            this.output = out.containsKey("text_embeds") ? "text_embeds" : out.keySet().iterator().next();
            OnnxJavaType type = ((TensorInfo) in.get(input).getInfo()).type;
            if (type != OnnxJavaType.INT64 && type != OnnxJavaType.INT32) {
                throw new ModelException(model + " takes input_ids as " + type + ", not int64 or int32: it is not CLIP's text model");
            }
            this.int64 = type == OnnxJavaType.INT64;
            long[] shape = ((TensorInfo) out.get(output).getInfo()).getShape();
            this.dim = (int) shape[shape.length - 1];
        } catch (OrtException e) {
            OnnxSessions.closeQuietly(session);
            throw new ModelException("cannot read the inputs and outputs of " + model + ": " + e.getMessage(), e);
        }
    }

    public ClipTokenizer tokenizer() {
        return tokenizer;
    }

    public Device device() {
        return device;
    }

    public int dim() {
        return dim;
    }

    /** Row i is the embedding of {@code texts.get(i)}. */
    public float[] encode(List<String> texts) {
        int n = texts.size();
        float[] out = new float[n * dim];
        if (n == 0) {
            return out;
        }
        long[] ids = tokenizer.encodePadded(texts);
        long[] shape = {n, ClipTokenizer.CONTEXT};
        try (OnnxTensor t = int64 ? OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape)
                : OnnxTensor.createTensor(env, IntBuffer.wrap(toInts(ids)), shape);
                OrtSession.Result r = session.run(Map.of(input, t))) {
            FloatBuffer e = ((OnnxTensor) r.get(output).orElseThrow()).getFloatBuffer();
            e.get(out, 0, n * dim);
        } catch (OrtException e) {
            throw new ModelException("CLIP text model failed: " + e.getMessage(), e);
        }
        return out;
    }

    private static int[] toInts(long[] ids) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = (int) ids[i];
        }
        return out;
    }

    @Override
    public void close() {
        OnnxSessions.closeQuietly(session);
    }
}
