package io.vidscore.neural.musicgen;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.vidscore.neural.ModelException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Map;

/** EnCodec's decoder: codes [4][frames] → mono audio at 32 kHz, {@value #HOP} samples per frame. */
final class EncodecDecoder {
    static final int SAMPLE_RATE = 32_000;
    static final int HOP = 640;

    private EncodecDecoder() {
    }

    static float[] decode(MusicGenModels models, int[][] codes) {
        int k = codes.length;
        int frames = codes[0].length;
        long[] flat = new long[k * frames];
        for (int c = 0; c < k; c++) {
            for (int f = 0; f < frames; f++) {
                flat[c * frames + f] = codes[c][f];
            }
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor in = OnnxTensor.createTensor(env, LongBuffer.wrap(flat), new long[] {1, 1, k, frames});
             OrtSession.Result r = models.encodec().run(Map.of("audio_codes", in))) {
            FloatBuffer fb = ((OnnxTensor) r.get("audio_values").orElseThrow()).getFloatBuffer();
            float[] audio = new float[fb.remaining()];
            fb.get(audio);
            if (audio.length != frames * HOP) {
                throw new ModelException("encodec_decode returned " + audio.length + " samples for " + frames
                        + " frames; expected " + frames * HOP);
            }
            return audio;
        } catch (OrtException e) {
            throw new ModelException("encodec_decode failed: " + e.getMessage(), e);
        }
    }
}
