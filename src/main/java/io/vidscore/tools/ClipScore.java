package io.vidscore.tools;

import io.vidscore.analysis.VisualAnalysis;
import io.vidscore.rhythm.BeatMetrics;
import java.util.Locale;

/**
 * How one analysis compares with its clip's ground truth, with the tolerances of the accuracy
 * requirements: beats at ±70 ms, cuts at ±1 frame, tempo as a relative error.
 *
 * @param cutHits     true cuts matched one-to-one by a detected cut within ±1 frame
 * @param cutsInGradual detected cuts that fall inside a fade or cross-dissolve (each one is an error)
 */
public record ClipScore(TruthClip clip, VisualAnalysis analysis, double tempoErrorPct, double beatF, int cutHits,
        int cutsDetected, int cutsInGradual, int gradualFound) {
    public static final double BEAT_TOLERANCE_S = 0.07;

    public static ClipScore of(TruthClip clip, VisualAnalysis a) {
        double tempoError = clip.rhythmic() ? 100 * Math.abs(a.tempoBpm() - clip.bpm()) / clip.bpm() : Double.NaN;
        double beatF = clip.rhythmic() ? BeatMetrics.fMeasure(clip.beatsS(), a.beatsS(), BEAT_TOLERANCE_S) : Double.NaN;
        double frame = 1 / clip.fps() + 1e-6;
        int hits = (int) Math.round(BeatMetrics.hitRate(clip.cutsS(), a.cutsS(), frame) * clip.cutsS().length);
        int inGradual = 0;
        for (double c : a.cutsS()) {
            for (double[] g : clip.gradualS()) {
                if (c >= g[0] - frame && c <= g[1] + frame) {
                    inGradual++;
                }
            }
        }
        int found = 0;
        for (double[] g : clip.gradualS()) {
            for (io.vidscore.analysis.Fade f : a.fades()) {
                if (f.startS() < g[1] && f.endS() > g[0]) { // overlaps the true transition
                    found++;
                    break;
                }
            }
        }
        return new ClipScore(clip, a, tempoError, beatF, hits, a.cutsS().length, inGradual, found);
    }

    public int cutsTrue() {
        return clip.cutsS().length;
    }

    public int cutFalseAlarms() {
        return cutsDetected - cutHits;
    }

    /** One markdown table row. */
    public String row() {
        VisualAnalysis a = analysis;
        return String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %s | %.2f | %s | %s | %d/%d | %d | %s |",
                clip.name(), clip.rhythmic() ? String.format(Locale.ROOT, "%.0f", clip.bpm()) : "-",
                a.rhythmic() ? "yes" : "no", a.tempoBpm(), clip.rhythmic() ? String.format(Locale.ROOT, "%.2f", tempoErrorPct) : "-",
                a.tempoConfidence(), clip.rhythmic() ? String.format(Locale.ROOT, "%.3f", beatF) : "-",
                clip.rhythmic() ? "-" : Integer.toString(a.beatsS().length), cutHits, cutsTrue(), cutFalseAlarms(),
                clip.gradualS().length == 0 ? Integer.toString(a.fades().size()) : gradualFound + "/" + clip.gradualS().length);
    }

    public static String header() {
        return "| clip | true BPM | rhythmic | tempo | error % | confidence | beat F (±70 ms) | beats on a non-rhythmic clip "
                + "| cuts found (±1 frame) | false cuts | fades found |\n|---|---|---|---|---|---|---|---|---|---|---|";
    }
}
