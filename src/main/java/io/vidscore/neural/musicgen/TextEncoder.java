package io.vidscore.neural.musicgen;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.vidscore.neural.ModelException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Map;

/** Runs the T5 encoder over one prompt: ids → hidden states [S, textDim], row-major. */
final class TextEncoder {
    private TextEncoder() {
    }

    static float[] encode(MusicGenModels models, long[] ids) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] mask = new long[ids.length];
        Arrays.fill(mask, 1);
        long[] shape = {1, ids.length};
        try (OnnxTensor idT = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor maskT = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OrtSession.Result r = models.textEncoder().run(Map.of("input_ids", idT, "attention_mask", maskT))) {
            OnnxTensor out = (OnnxTensor) r.get("last_hidden_state").orElseThrow();
            long[] s = out.getInfo().getShape();
            if (s.length != 3 || s[1] != ids.length || s[2] != models.textDim()) {
                throw new ModelException("text encoder returned shape " + Arrays.toString(s) + ", expected [1,"
                        + ids.length + "," + models.textDim() + "]");
            }
            FloatBuffer fb = out.getFloatBuffer();
            float[] hidden = new float[fb.remaining()];
            fb.get(hidden);
            return hidden;
        } catch (OrtException e) {
            throw new ModelException("text encoder failed: " + e.getMessage(), e);
        }
    }
}
