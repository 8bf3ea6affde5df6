package io.vidscore.neural.musicgen;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.vidscore.neural.Device;
import io.vidscore.neural.ModelException;
import io.vidscore.neural.ModelFolder;
import io.vidscore.neural.OnnxSessions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MusicGen-small export opened from a model folder: T5 tokenizer, text encoder, merged decoder and EnCodec
 * decoder. The decoder's shape — layers, heads, head size, vocabulary, the text encoder's width — is read from
 * the session's input and output info rather than assumed, so the tiny fixtures and the real export (24 layers,
 * 16 heads of 64, vocabulary 2048) run through the same code. A missing input or output ends with one line
 * naming the file.
 */
public final class MusicGenModels implements AutoCloseable {
    public static final String TEXT_ENCODER = "onnx/text_encoder.onnx";
    public static final String DECODER = "onnx/decoder_model_merged.onnx";
    public static final String ENCODEC = "onnx/encodec_decode.onnx";
    public static final String TOKENIZER = "tokenizer.json";
    public static final int CODEBOOKS = 4;
    /** Opened once per folder and device and kept for the process: the decoder alone is 1.7 GB to load. */
    private static final Map<String, MusicGenModels> SHARED = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SHARED.values().forEach(MusicGenModels::close), "musicgen-sessions-close"));
    }

    private final T5Tokenizer tokenizer;
    private final OrtSession textEncoder;
    private final OrtSession decoder;
    private final OrtSession encodec;
    private final Device device;
    private final int layers;
    private final int heads;
    private final int headDim;
    private final int vocab;
    private final int textDim;

    private MusicGenModels(T5Tokenizer tokenizer, OnnxSessions.Opened text, OnnxSessions.Opened dec,
                           OnnxSessions.Opened codec, Path decoderPath) {
        this.tokenizer = tokenizer;
        this.textEncoder = text.session();
        this.decoder = dec.session();
        this.encodec = codec.session();
        this.device = dec.device();
        try {
            Map<String, NodeInfo> in = decoder.getInputInfo();
            Map<String, NodeInfo> out = decoder.getOutputInfo();
            for (String name : new String[] {"input_ids", "encoder_hidden_states", "encoder_attention_mask", "use_cache_branch"}) {
                require(in, name, decoderPath, "input");
            }
            require(out, "logits", decoderPath, "output");
            int n = 0;
            while (in.containsKey("past_key_values." + n + ".decoder.key")) {
                for (String part : new String[] {"decoder.key", "decoder.value", "encoder.key", "encoder.value"}) {
                    require(in, "past_key_values." + n + "." + part, decoderPath, "input");
                    require(out, "present." + n + "." + part, decoderPath, "output");
                }
                n++;
            }
            if (n == 0) {
                throw new ModelException(decoderPath + " has no past_key_values inputs: not a merged MusicGen decoder export");
            }
            layers = n;
            long[] kv = shape(in, "past_key_values.0.decoder.key");
            heads = (int) kv[1];
            headDim = (int) kv[3];
            vocab = (int) shape(out, "logits")[2];
            textDim = (int) shape(in, "encoder_hidden_states")[2];
            if (heads <= 0 || headDim <= 0 || vocab <= 0 || textDim <= 0) {
                throw new ModelException(decoderPath + " has symbolic head/vocabulary sizes; expected fixed ones as in the published export");
            }
            require(textEncoder.getInputInfo(), "input_ids", Path.of(TEXT_ENCODER), "input");
            require(textEncoder.getOutputInfo(), "last_hidden_state", Path.of(TEXT_ENCODER), "output");
            require(encodec.getInputInfo(), "audio_codes", Path.of(ENCODEC), "input");
            require(encodec.getOutputInfo(), "audio_values", Path.of(ENCODEC), "output");
        } catch (OrtException e) {
            throw new ModelException("cannot inspect " + decoderPath + ": " + e.getMessage(), e);
        }
    }

    /**
     * The models of {@code folder} on {@code device}, shared by every render of this process (a warm serve
     * instance loads them once, as {@link io.vidscore.neural.ClipModels} does for CLIP); not to be closed by callers.
     * A folder that fails to open is not remembered: the next render tries again and reports again.
     */
    public static MusicGenModels shared(ModelFolder folder, Device device) {
        return SHARED.computeIfAbsent(folder.cacheKey(device), k -> open(folder, device));
    }

    /** Opens the four files of {@code musicgen-small/}; one line naming the first file that is missing or corrupt. */
    public static MusicGenModels open(ModelFolder folder, Device device) {
        Path tok = folder.require(ModelFolder.MUSICGEN, TOKENIZER);
        Path te = folder.require(ModelFolder.MUSICGEN, TEXT_ENCODER);
        Path de = folder.require(ModelFolder.MUSICGEN, DECODER);
        Path ec = folder.require(ModelFolder.MUSICGEN, ENCODEC);
        T5Tokenizer tokenizer = T5Tokenizer.load(tok);
        OnnxSessions.Opened text = null;
        OnnxSessions.Opened dec = null;
        OnnxSessions.Opened codec = null;
        try {
            text = OnnxSessions.open(te, device);
            dec = OnnxSessions.open(de, device);
            codec = OnnxSessions.open(ec, device);
            return new MusicGenModels(tokenizer, text, dec, codec, de);
        } catch (RuntimeException e) {
            closeQuietly(text);
            closeQuietly(dec);
            closeQuietly(codec);
            throw e;
        }
    }

    private static void closeQuietly(OnnxSessions.Opened o) {
        if (o != null) {
            try {
                o.session().close();
            } catch (OrtException ignored) {
                // already failing; the first error is the one to report
            }
        }
    }

    private static void require(Map<String, NodeInfo> info, String name, Path file, String kind) {
        if (!info.containsKey(name)) {
            throw new ModelException(file + " has no " + kind + " '" + name + "': not the MusicGen export this engine reads"
                    + " (fetch it with `" + ModelFolder.FETCH_HINT + "`)");
        }
    }

    private static long[] shape(Map<String, NodeInfo> info, String name) {
        return ((TensorInfo) info.get(name).getInfo()).getShape();
    }

    public T5Tokenizer tokenizer() {
        return tokenizer;
    }

    OrtSession textEncoder() {
        return textEncoder;
    }

    OrtSession decoder() {
        return decoder;
    }

    OrtSession encodec() {
        return encodec;
    }

    public Device device() {
        return device;
    }

    public int layers() {
        return layers;
    }

    public int heads() {
        return heads;
    }

    public int headDim() {
        return headDim;
    }

    /** Codes per codebook; the id {@code vocab()} itself is the pad / start token. */
    public int vocab() {
        return vocab;
    }

    public int textDim() {
        return textDim;
    }

    @Override
    public void close() {
        for (OrtSession s : new OrtSession[] {textEncoder, decoder, encodec}) {
            try {
                s.close();
            } catch (OrtException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
