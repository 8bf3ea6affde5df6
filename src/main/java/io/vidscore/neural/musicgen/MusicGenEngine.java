package io.vidscore.neural.musicgen;

import io.vidscore.audio.MonoRecording;
import io.vidscore.audio.MonoSink;
import io.vidscore.audio.MonoSource;
import io.vidscore.audio.PcmSink;
import io.vidscore.media.FloatFile;
import io.vidscore.music.MusicEngine;
import io.vidscore.music.MusicRequest;
import io.vidscore.music.MusicResult;
import io.vidscore.neural.Device;
import io.vidscore.neural.ModelFolder;
import io.vidscore.rhythm.BeatAligner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * continuation beyond). The aligner needs all of the music's beats before it can choose a stretch, so the 32 kHz
 * audio is spooled to a scratch file (128 kB per second, deleted after the render) as each window is decoded and
 * read back twice; memory holds one window, whatever the length. The models stay open for the process
 * ({@link MusicGenModels#shared}).
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
        Path spool = scratchFile();
        BeatAligner.Result aligned;
        double generateS;
        try {
            long samples;
            try (FloatFile.Writer writer = new FloatFile.Writer(spool)) {
                generator.generate(totalFrames, frame -> {
                    String text = ConditioningText.at(request.conditioning(), (double) frame / FRAME_RATE, bpm);
                    texts.add(text);
                    return text;
                }, request.seed(), listener, writer::write);
                samples = writer.written();
            }
            generateS = (System.nanoTime() - t0) / 1e9;
            listener.progress(1, "aligning to the visual beat");
            MonoRecording generated = new MonoRecording() {
                @Override
                public long length() {
                    return samples;
                }

                @Override
                public MonoSource open() {
                    return FloatFile.read(spool);
                }
            };
            long outLength = Math.round(duration * PcmSink.SAMPLE_RATE);
            aligned = BeatAligner.align(generated, EncodecDecoder.SAMPLE_RATE, duration, bpm, request.beatOriginS(),
                    new StereoOut(sink, outLength));
        } finally {
            deleteQuietly(spool);
        }
        Device ran = models.device();

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

    /**
     * The aligned audio on its way to the sink as stereo: a 5 ms fade-in against a click where the shift cut into
     * a note, and up to 1 s of fade-out so the music ends with the video (gains by position, the length being known).
     */
    private static final class StereoOut implements MonoSink {
        private final PcmSink sink;
        private final long length;
        private final int fadeIn;
        private final long fadeOut;
        private final float[] stereo = new float[2 * 4800];
        private long at;

        StereoOut(PcmSink sink, long length) {
            this.sink = sink;
            this.length = length;
            this.fadeIn = (int) Math.min(length, PcmSink.SAMPLE_RATE / 200);
            this.fadeOut = Math.min(length / 4, PcmSink.SAMPLE_RATE);
        }

        @Override
        public void write(float[] samples, int off, int len) {
            for (int done = 0; done < len; ) {
                int n = Math.min(stereo.length / 2, len - done);
                for (int i = 0; i < n; i++, at++) {
                    float x = samples[off + done + i];
                    if (at < fadeIn) {
                        x *= (float) at / fadeIn;
                    }
                    long fromEnd = length - 1 - at;
                    if (fromEnd < fadeOut) {
                        x *= (float) fromEnd / fadeOut;
                    }
                    stereo[2 * i] = x;
                    stereo[2 * i + 1] = x;
                }
                sink.write(stereo, n);
                done += n;
            }
        }
    }

    private static Path scratchFile() {
        try {
            return Files.createTempFile("vidscore-musicgen-", ".f32");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch file for the generated audio", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            java.util.logging.Logger.getLogger(MusicGenEngine.class.getName()).warning("cannot delete " + file + ": " + e);
        }
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Double.isFinite(v) ? Math.round(v * f) / f : 0;
    }
}
