package io.vidscore.neural.musicgen;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.vidscore.neural.ModelException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The autoregressive loop over the merged decoder, for one prompt with classifier-free guidance.
 *
 * <p>The decoder batch is T = 2: row 0 conditional (the T5 states and a mask of ones), row 1 unconditional
 * (zero states and a zero mask — the zero mask is what cancels the projection's bias inside the graph); the
 * input ids have T·4 rows, codebook-major within each batch row. Guided scores are
 * {@code uncond + (cond − uncond) · scale}; the chosen code goes to both halves.
 *
 * <p>Step 0 runs the no-cache branch ({@code use_cache_branch = false}, empty past tensors [T,H,0,D]) over the
 * whole forced prefix — the start column, plus a continuation prompt when there is one. Every later step runs
 * the cache branch with only the newest column, the decoder keys/values from the previous step's
 * {@code present.*.decoder.*} (handed over as the same native tensors, no copy) and the encoder keys/values
 * copied once from step 0 (later encoder presents are placeholders in the export). Each step's inputs and the
 * previous step's results are closed as soon as they are consumed, so native memory does not grow with steps.
 */
final class DecoderLoop {
    /** Called after each decoder step. */
    interface StepListener {
        void step(int done, int total);
    }

    private static final int T = 2;

    private final MusicGenModels m;
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();

    DecoderLoop(MusicGenModels models) {
        this.m = models;
    }

    /**
     * @param hidden  T5 states of the prompt [S, textDim]
     * @param pattern frames to make and the continuation prompt
     * @return the delayed sequence [4][frames + 4]
     */
    int[][] generate(float[] hidden, DelayPattern pattern, float guidance, TokenSampler sampler, StepListener listener) {
        int k4 = MusicGenModels.CODEBOOKS;
        int s = hidden.length / m.textDim();
        int n = pattern.length();
        int[][] seq = new int[k4][n];
        int prefix = Math.max(1, pattern.forcedPrefix());
        for (int k = 0; k < k4; k++) {
            for (int p = 0; p < prefix; p++) {
                seq[k][p] = pattern.forced(k, p);
            }
        }
        float[] encStates = new float[T * hidden.length];
        System.arraycopy(hidden, 0, encStates, 0, hidden.length);
        long[] encMask = new long[T * s];
        java.util.Arrays.fill(encMask, 0, s, 1);
        Map<String, OnnxTensor> encoderKv = new HashMap<>();
        OrtSession.Result previous = null;
        try (OnnxTensor states = OnnxTensor.createTensor(env, FloatBuffer.wrap(encStates), new long[] {T, s, m.textDim()});
             OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(encMask), new long[] {T, s});
             OnnxTensor emptyPast = OnnxTensor.createTensor(env, FloatBuffer.allocate(0), new long[] {T, m.heads(), 0, m.headDim()});
             OnnxTensor noCache = OnnxTensor.createTensor(env, new boolean[] {false});
             OnnxTensor withCache = OnnxTensor.createTensor(env, new boolean[] {true})) {
            float[] logits = null;
            int steps = n - prefix;
            for (int col = prefix - 1; col < n - 1; col++) {
                boolean first = col == prefix - 1;
                int from = first ? 0 : col;
                Map<String, OnnxTensor> in = new HashMap<>();
                in.put("encoder_hidden_states", states);
                in.put("encoder_attention_mask", mask);
                in.put("use_cache_branch", first ? noCache : withCache);
                for (int i = 0; i < m.layers(); i++) {
                    for (String kv : new String[] {"key", "value"}) {
                        in.put("past_key_values." + i + ".decoder." + kv,
                                first ? emptyPast : (OnnxTensor) previous.get("present." + i + ".decoder." + kv).orElseThrow());
                        in.put("past_key_values." + i + ".encoder." + kv,
                                first ? emptyPast : encoderKv.get("present." + i + ".encoder." + kv));
                    }
                }
                OrtSession.Result result;
                try (OnnxTensor ids = idsTensor(seq, from, col + 1)) {
                    in.put("input_ids", ids);
                    result = m.decoder().run(in);
                }
                if (first) {
                    copyEncoderKv(result, encoderKv);
                }
                if (previous != null) {
                    previous.close();
                }
                previous = result;
                logits = lastLogits(result, col + 1 - from, logits);
                int next = col + 1;
                for (int k = 0; k < k4; k++) {
                    int f = pattern.forced(k, next);
                    seq[k][next] = f != DelayPattern.FREE ? f : sampler.pick(guided(logits, k, guidance));
                }
                listener.step(next - prefix + 1, steps);
            }
        } catch (OrtException e) {
            throw new ModelException("decoder_model_merged failed: " + e.getMessage(), e);
        } finally {
            if (previous != null) {
                previous.close();
            }
            encoderKv.values().forEach(OnnxTensor::close);
        }
        return seq;
    }

    /** input_ids for columns [from, to): T·4 rows, both halves the same codes. */
    private OnnxTensor idsTensor(int[][] seq, int from, int to) throws OrtException {
        int len = to - from;
        int k4 = MusicGenModels.CODEBOOKS;
        long[] ids = new long[T * k4 * len];
        for (int b = 0; b < T; b++) {
            for (int k = 0; k < k4; k++) {
                for (int p = 0; p < len; p++) {
                    ids[(b * k4 + k) * len + p] = seq[k][from + p];
                }
            }
        }
        return OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {T * k4, len});
    }

    private void copyEncoderKv(OrtSession.Result result, Map<String, OnnxTensor> into) throws OrtException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < m.layers(); i++) {
            names.add("present." + i + ".encoder.key");
            names.add("present." + i + ".encoder.value");
        }
        for (String name : names) {
            OnnxTensor t = (OnnxTensor) result.get(name).orElseThrow();
            into.put(name, OnnxTensor.createTensor(env, t.getFloatBuffer(), t.getInfo().getShape()));
        }
    }

    /** Logits of the last position of every row: [T·4][vocab] flattened, reusing {@code into} when it fits. */
    private float[] lastLogits(OrtSession.Result result, int len, float[] into) throws OrtException {
        OnnxValue v = result.get("logits").orElseThrow();
        FloatBuffer fb = ((OnnxTensor) v).getFloatBuffer();
        int rows = T * MusicGenModels.CODEBOOKS;
        int vocab = m.vocab();
        float[] out = into != null && into.length == rows * vocab ? into : new float[rows * vocab];
        for (int r = 0; r < rows; r++) {
            fb.position((r * len + len - 1) * vocab);
            fb.get(out, r * vocab, vocab);
        }
        return out;
    }

    /** Classifier-free guidance for codebook k, in float as the reference computes it. */
    private float[] guided(float[] logits, int k, float scale) {
        int vocab = m.vocab();
        int cond = k * vocab;
        int uncond = (MusicGenModels.CODEBOOKS + k) * vocab;
        float[] g = new float[vocab];
        for (int v = 0; v < vocab; v++) {
            float u = logits[uncond + v];
            g[v] = u + (logits[cond + v] - u) * scale;
        }
        return g;
    }
}
