package io.vidscore.semantics;

import java.util.ArrayList;
import java.util.List;

/** The video's segments: the spans between hard cuts, the unit the music's sections and conditioning follow. */
public final class Segments {
    private Segments() {
    }

    public record Span(double startS, double endS) {
    }

    /**
     * Spans from 0 to {@code durationS} split at {@code cutsS}. A cut closer than {@code minS} to the previous
     * boundary or to the end is ignored: a flash of a few frames is not a section of music.
     */
    public static List<Span> betweenCuts(double[] cutsS, double durationS, double minS) {
        List<Span> spans = new ArrayList<>();
        double start = 0;
        for (double cut : cutsS) {
            if (cut - start >= minS && durationS - cut >= minS) {
                spans.add(new Span(start, cut));
                start = cut;
            }
        }
        spans.add(new Span(start, Math.max(start, durationS)));
        return spans;
    }
}
