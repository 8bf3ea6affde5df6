package io.vidscore.neural.musicgen;

import io.vidscore.audio.PcmSink;
import io.vidscore.music.MusicEngine;
import io.vidscore.music.MusicRequest;
import io.vidscore.music.MusicResult;
import io.vidscore.neural.Device;
import io.vidscore.neural.ModelFolder;
import io.vidscore.rhythm.BeatAligner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code musicgen} engine: MusicGen-small over ONNX Runtime, conditioned on the prompt and the picture's cues
 * ({@link ConditioningText}), then aligned to the video's beat grid ({@link BeatAligner}) and streamed to the sink
 * as 48 kHz stereo; the pipeline masters it like any engine's output.
 *
 * <p>It generates the video's full duration plus the aligner's headroom (up to 30 s per window, windowed
 * continuation beyond). The 32 kHz audio is held in memory (128 kB per second) because the aligner needs all of
 * its beats before it can choose a stretch; the models are opened for one render and closed after it.
 */
public final class MusicGenEngine implements MusicEngine {
    public static final String NAME = "musicgen";
    /** Files the engine needs under {@code musicgen-small/}, checked before any work. */
    public static final List<String> FILES = List.of(MusicGenModels.TOKENIZER, MusicGenModels.TEXT_ENCODER,
            MusicGenModels.DECODER, MusicGenModels.ENCODEC);
    private static final int FRAME_RATE = EncodecDecoder.SAMPLE_RATE / EncodecDecoder.HOP;

    private final ModelFolder folder;
    private final Device device;
    private final GenerationSettings settings;
    private final MusicGenerator.Listener listener;
    private final Map<String, Object> details = new LinkedHashMap<>();

    public MusicGenEngine(ModelFolder folder, Device device, GenerationSettings settings, MusicGenerator.Listener listener) {
        this.folder = folder;
        this.device = device;
        this.settings = settings;
        this.listener = listener;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MusicResult render(MusicRequest request, PcmSink sink) {
        double duration = request.durationS();
        double bpm = request.effectiveTempoBpm();
        double[] grid = BeatAligner.grid(duration, bpm, request.beatOriginS());
        String firstText = ConditioningText.at(request.conditioning(), 0, bpm);
        if (duration <= 0) {
            return new MusicResult(NAME, bpm, "", firstText, grid, 0);
        }
        int totalFrames = (int) Math.ceil((duration + BeatAligner.headroomS(duration, bpm)) * FRAME_RATE);
        long t0 = System.nanoTime();
        List<String> texts = new ArrayList<>();
        MusicGenModels models = MusicGenModels.shared(folder, device);
        MusicGenerator generator = new MusicGenerator(models, settings);
        int windows = generator.plan(totalFrames).size();
        float[] mono = generator.generate(totalFrames, frame -> {
            String text = ConditioningText.at(request.conditioning(), (double) frame / FRAME_RATE, bpm);
            texts.add(text);
            return text;
        }, request.seed(), listener);
        Device ran = models.device();
        double generateS = (System.nanoTime() - t0) / 1e9;
        listener.progress(1, "aligning to the visual beat");
        BeatAligner.Result aligned = BeatAligner.align(mono, EncodecDecoder.SAMPLE_RATE, duration, bpm, request.beatOriginS());
        float[] audio = aligned.audio();
        fade(audio);
        stream(audio, sink);

        int steps = totalFrames + windows * (MusicGenModels.CODEBOOKS - 1);
        details.put("model", ModelFolder.MUSICGEN);
        details.put("device", ran.name().toLowerCase(java.util.Locale.ROOT));
        details.put("guidance_scale", settings.guidanceScale());
        details.put("top_k", settings.topK());
        details.put("temperature", settings.temperature());
        details.put("windows", windows);
        details.put("frames", totalFrames);
        details.put("texts", texts);
        details.put("decoder_steps_per_s", round(steps / generateS, 2));
        Map<String, Object> alignment = new LinkedHashMap<>();
        alignment.put("music_tempo_bpm", round(aligned.musicBpm(), 2));
        alignment.put("stretch", round(aligned.stretch(), 4));
        alignment.put("shift_s", round(aligned.shiftS(), 3));
        alignment.put("f_measure_before", round(aligned.fBefore(), 3));
        alignment.put("f_measure_after", round(aligned.fAfter(), 3));
        details.put("beat_alignment", alignment);
        return new MusicResult(NAME, bpm, "", texts.isEmpty() ? firstText : texts.get(0), grid, 0);
    }

    /** Generation parameters and the alignment before/after, for the report (empty before a render). */
    @Override
    public Map<String, Object> reportDetails() {
        return details;
    }

    /** 5 ms fade-in against a click where the shift cut into a note; up to 1 s fade-out so the music ends with the video. */
    private static void fade(float[] audio) {
        int in = Math.min(audio.length, PcmSink.SAMPLE_RATE / 200);
        for (int i = 0; i < in; i++) {
            audio[i] *= (float) i / in;
        }
        int out = Math.min(audio.length / 4, PcmSink.SAMPLE_RATE);
        for (int i = 0; i < out; i++) {
            audio[audio.length - 1 - i] *= (float) i / out;
        }
    }

    private static void stream(float[] mono, PcmSink sink) {
        int block = 4800;
        float[] stereo = new float[2 * block];
        for (int at = 0; at < mono.length; at += block) {
            int n = Math.min(block, mono.length - at);
            for (int i = 0; i < n; i++) {
                stereo[2 * i] = mono[at + i];
                stereo[2 * i + 1] = mono[at + i];
            }
            sink.write(stereo, n);
        }
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Double.isFinite(v) ? Math.round(v * f) / f : 0;
    }
}
