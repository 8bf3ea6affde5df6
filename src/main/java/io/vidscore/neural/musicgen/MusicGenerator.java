package io.vidscore.neural.musicgen;

import io.vidscore.audio.MonoSink;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.logging.Logger;

/**
 * Text → MusicGen codes → 32 kHz mono audio, for any length, streamed window by window.
 *
 * <p>Up to {@code windowFrames} (30 s) one window is generated. Beyond that, windowed continuation: each next
 * window starts {@code promptFrames} before the previous one ended, is prompted with those frames' codes (the
 * decoder reproduces them first, so the music continues rather than restarts), and generates the rest. Each
 * window is decoded by EnCodec whole; in the overlap the new window's audio is the same codes decoded again,
 * and the two are crossfaded (equal power) over the overlap's last {@code crossfadeFrames}, where the new
 * window has had the most context.
 */
public final class MusicGenerator {
    private static final Logger LOG = Logger.getLogger(MusicGenerator.class.getName());

    /** Reports generation progress: fraction 0..1 of all decoder steps, and a short description. */
    public interface Listener {
        void progress(double fraction, String detail);
    }

    /** One window's tokens: prompt ids, the delayed sequence [4][frames+4] and the codes [4][frames]. */
    public record Window(long[] inputIds, int[][] delayed, int[][] codes) {
    }

    private final MusicGenModels models;
    private final GenerationSettings settings;

    public MusicGenerator(MusicGenModels models, GenerationSettings settings) {
        this.models = models;
        this.settings = settings;
    }

    /** One window of {@code frames} frames for {@code text}, continuing {@code prompt} ([4][P], or empty). */
    Window window(String text, int frames, int[][] prompt, long seed, DecoderLoop.StepListener listener) {
        long[] ids = models.tokenizer().encode(text);
        float[] hidden = TextEncoder.encode(models, ids);
        DelayPattern pattern = new DelayPattern(MusicGenModels.CODEBOOKS, frames, models.vocab(), prompt);
        TokenSampler sampler = new TokenSampler(settings.topK(), settings.temperature(), seed);
        int[][] delayed = new DecoderLoop(models).generate(hidden, pattern, settings.guidanceScale(), sampler, listener);
        return new Window(ids, delayed, pattern.undelay(delayed));
    }

    /** The plan of windows for {@code totalFrames}: start frame and length of each. */
    public List<int[]> plan(int totalFrames) {
        List<int[]> windows = new ArrayList<>();
        int start = 0;
        int end = 0;
        while (end < totalFrames) {
            int frames = Math.min(settings.windowFrames(), totalFrames - start);
            windows.add(new int[] {start, frames});
            end = start + frames;
            start = end - settings.promptFrames();
        }
        return windows;
    }

    /**
     * Audio of {@code totalFrames} frames, handed to {@code out} in order as each window is decoded; {@code textAt}
     * gives the conditioning text of a window, given the frame in the middle of the frames it adds. Window w draws
     * from a generator seeded {@code seed + w}. Only one window's audio is held at a time: the part the next window
     * overlaps waits for its crossfade, the rest is handed on at once.
     */
    public void generate(int totalFrames, IntFunction<String> textAt, long seed, Listener listener, MonoSink out) {
        int hop = EncodecDecoder.HOP;
        long total = (long) totalFrames * hop;
        List<int[]> plan = plan(totalFrames);
        long totalSteps = 0;
        for (int[] w : plan) {
            totalSteps += w[1] + MusicGenModels.CODEBOOKS - 1;
        }
        long done = 0;
        int[][] previous = null;
        float[] held = new float[0]; // audio placed but not yet handed on, from sample heldFrom
        long heldFrom = 0;
        for (int w = 0; w < plan.size(); w++) {
            int start = plan.get(w)[0];
            int frames = plan.get(w)[1];
            int promptLen = w == 0 ? 0 : settings.promptFrames();
            int[][] prompt = new int[w == 0 ? 0 : MusicGenModels.CODEBOOKS][];
            for (int k = 0; k < prompt.length; k++) {
                prompt[k] = java.util.Arrays.copyOfRange(previous[k], previous[k].length - promptLen, previous[k].length);
            }
            String text = textAt.apply(start + (promptLen + frames) / 2); // the middle of what this window adds
            long base = done;
            long all = totalSteps;
            String detail = "musicgen window " + (w + 1) + "/" + plan.size();
            long t0 = System.nanoTime();
            Window win = window(text, frames, prompt, seed + w,
                    (d, n) -> listener.progress((double) (base + d) / all, detail));
            done += frames + MusicGenModels.CODEBOOKS - 1;
            LOG.info(String.format("vidscore: %s: %d frames (%d prompted) in %.1f s, text \"%s\"", detail, frames,
                    promptLen, (System.nanoTime() - t0) / 1e9, text));
            float[] decoded = EncodecDecoder.decode(models, win.codes());
            long offset = (long) start * hop;
            long end = Math.max(heldFrom + held.length, Math.min(total, offset + decoded.length));
            float[] placed = java.util.Arrays.copyOf(held, (int) (end - heldFrom));
            place(placed, decoded, (int) (offset - heldFrom), promptLen * hop, settings.crossfadeFrames() * hop);
            long keepFrom = w + 1 < plan.size() ? Math.min(end, (long) plan.get(w + 1)[0] * hop) : end;
            int ready = (int) (keepFrom - heldFrom);
            out.write(placed, 0, ready);
            held = java.util.Arrays.copyOfRange(placed, ready, placed.length);
            heldFrom = keepFrom;
            previous = win.codes();
        }
        out.write(held, 0, held.length);
        float[] silence = new float[4096]; // EnCodec gave fewer samples than planned: the rest is silence
        for (long at = heldFrom + held.length; at < total; at += silence.length) {
            out.write(silence, 0, (int) Math.min(silence.length, total - at));
        }
    }

    /** Writes a window's audio at {@code offset}; its first {@code overlap} samples overlap what is there. */
    static void place(float[] out, float[] window, int offset, int overlap, int crossfade) {
        int fadeStart = overlap - Math.min(crossfade, overlap);
        for (int i = 0; i < window.length && offset + i < out.length; i++) {
            if (i < fadeStart) {
                continue; // the previous window's audio stays
            }
            if (i < overlap) {
                double x = (i - fadeStart + 0.5) / (overlap - fadeStart);
                double gIn = Math.sin(0.5 * Math.PI * x);
                double gOut = Math.cos(0.5 * Math.PI * x);
                out[offset + i] = (float) (out[offset + i] * gOut + window[i] * gIn);
            } else {
                out[offset + i] = window[i];
            }
        }
    }
}
