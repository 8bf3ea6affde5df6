package io.vidscore.neural.musicgen;

import io.vidscore.music.Conditioning;
import java.util.Locale;

/**
 * The T5 text for a stretch of the video. The user's prompt comes first; then the cue (the per-segment text the
 * semantic encoder built from the picture) in force at that time — for a window, at the middle of the part it
 * generates, so with 30 s windows a segment shorter than a window colours the window it dominates; then the
 * video's tempo as "N bpm", a phrase MusicGen was trained with (its captions carry the tempo), which makes the
 * generated beat easier to align. Without prompt and cues the text is "instrumental music, N bpm".
 */
public final class ConditioningText {
    private ConditioningText() {
    }

    public static String at(Conditioning c, double timeS, double bpm) {
        StringBuilder text = new StringBuilder(c.prompt());
        String cue = cueAt(c, timeS);
        if (!cue.isEmpty()) {
            text.append(text.length() > 0 ? ", " : "").append(cue);
        }
        if (text.length() == 0) {
            text.append("instrumental music");
        }
        if (!text.toString().toLowerCase(Locale.ROOT).contains("bpm")) {
            text.append(", ").append(Math.round(bpm)).append(" bpm");
        }
        return text.toString();
    }

    /** The cue containing {@code timeS}, else the nearest one; "" without cues. */
    static String cueAt(Conditioning c, double timeS) {
        Conditioning.Cue best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Conditioning.Cue cue : c.cues()) {
            double d = timeS < cue.startS() ? cue.startS() - timeS : timeS >= cue.endS() ? timeS - cue.endS() : 0;
            if (d < bestDistance) {
                bestDistance = d;
                best = cue;
            }
        }
        return best == null ? "" : best.text().strip();
    }
}
