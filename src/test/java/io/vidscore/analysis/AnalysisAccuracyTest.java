package io.vidscore.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vidscore.tools.AnalysisAccuracy;
import io.vidscore.tools.ClipScore;
import io.vidscore.tools.TruthClip;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accuracy requirements, measured on the generated clip set with known truth ({@link io.vidscore.tools.TruthClips}:
 * flashes and bouncing-ball impacts at 72-150 BPM over moving backgrounds, montages with cuts, a static shot,
 * noise, a slow pan, fades through black and cross-dissolves) plus the committed samples/sample.mp4. Real
 * encoding, real FFmpeg decoding, the extract stage's analysis. bench/analysis-accuracy.sh prints the same table.
 */
class AnalysisAccuracyTest {
    private static List<ClipScore> scores;

    @BeforeAll
    static void analyseTheSet(@TempDir Path dir) {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR); // keep the encoders' chatter out of the test log
        scores = AnalysisAccuracy.run(dir, Path.of("samples", "sample.mp4"));
        System.out.println(AnalysisAccuracy.table(scores));
    }

    private static List<ClipScore> of(TruthClip.Kind... kinds) {
        List<TruthClip.Kind> wanted = Arrays.asList(kinds);
        return scores.stream().filter(s -> wanted.contains(s.clip().kind())).toList();
    }

    @Test
    void tempoWithinTwoPercentOnEveryRhythmicClip() {
        List<ClipScore> rhythmic = scores.stream().filter(s -> s.clip().rhythmic()).toList();
        assertTrue(rhythmic.size() >= 11, "flashes, impacts and the sample: " + rhythmic.size());
        for (ClipScore s : rhythmic) {
            assertTrue(s.analysis().rhythmic(), s.clip().name() + " is rhythmic");
            assertTrue(s.tempoErrorPct() <= 2.0, s.clip().name() + ": " + s.analysis().tempoBpm() + " BPM for " + s.clip().bpm());
        }
    }

    @Test
    void flashesAreTrackedWithBeatFAtLeast09() {
        for (ClipScore s : of(TruthClip.Kind.FLASHES)) {
            assertTrue(s.beatF() >= 0.9, s.clip().name() + ": F=" + s.beatF() + " beats " + Arrays.toString(s.analysis().beatsS()));
        }
    }

    @Test
    void impactsAreTrackedWithBeatFAtLeast08() {
        List<ClipScore> impacts = of(TruthClip.Kind.IMPACTS, TruthClip.Kind.SAMPLE);
        assertTrue(impacts.size() >= 5);
        for (ClipScore s : impacts) {
            assertTrue(s.beatF() >= 0.8, s.clip().name() + ": F=" + s.beatF() + " beats " + Arrays.toString(s.analysis().beatsS()));
        }
    }

    @Test
    void cutF1AtOneFrameIsAtLeast095() {
        double[] prf = AnalysisAccuracy.cutPrecisionRecallF1(scores);
        assertTrue(prf[2] >= 0.95, "cut precision/recall/F1 " + Arrays.toString(prf));
        for (ClipScore s : of(TruthClip.Kind.MONTAGE, TruthClip.Kind.SIMILAR_MONTAGE)) {
            assertTrue(s.cutHits() >= s.cutsTrue() - 1, s.clip().name() + ": " + Arrays.toString(s.analysis().cutsS()));
        }
    }

    @Test
    void gradualChangesAreNeverCuts() {
        for (ClipScore s : of(TruthClip.Kind.FADES, TruthClip.Kind.DISSOLVES, TruthClip.Kind.PAN, TruthClip.Kind.STATIC,
                TruthClip.Kind.NOISE, TruthClip.Kind.FLASHES, TruthClip.Kind.IMPACTS)) {
            assertEquals(0, s.cutsDetected(), s.clip().name() + " has no cut: " + Arrays.toString(s.analysis().cutsS()));
        }
    }

    @Test
    void fadesThroughBlackAreReportedAsFades() {
        ClipScore fades = of(TruthClip.Kind.FADES).get(0);
        assertEquals(fades.clip().gradualS().length, fades.gradualFound(), "fades found: " + fades.analysis().fades());
        List<Fade.Kind> kinds = fades.analysis().fades().stream().map(Fade::kind).toList();
        assertEquals(List.of(Fade.Kind.FADE_IN, Fade.Kind.FADE_OUT, Fade.Kind.FADE_IN), kinds);
    }

    @Test
    void stillNoisyAndPanningPicturesHaveNoBeat() {
        for (ClipScore s : of(TruthClip.Kind.STATIC, TruthClip.Kind.NOISE, TruthClip.Kind.PAN, TruthClip.Kind.FADES,
                TruthClip.Kind.DISSOLVES, TruthClip.Kind.MONTAGE, TruthClip.Kind.SIMILAR_MONTAGE)) {
            assertFalse(s.analysis().rhythmic(), s.clip().name() + " is not rhythmic (confidence " + s.analysis().tempoConfidence() + ")");
            assertEquals(0, s.analysis().beatsS().length, s.clip().name() + " gets no beats");
        }
    }

    @Test
    void segmentsFollowTheCutsAndDescribeTheShots() {
        ClipScore montage = of(TruthClip.Kind.MONTAGE).get(0);
        VisualAnalysis a = montage.analysis();
        assertEquals(a.cutsS().length + 1, a.segments().size());
        assertEquals(0, a.segments().get(0).startS(), 1e-9);
        assertEquals(a.durationS(), a.segments().get(a.segments().size() - 1).endS(), 0.05);
        for (int i = 0; i < a.cutsS().length; i++) {
            assertEquals(a.cutsS()[i], a.segments().get(i).endS(), 1e-3);
            assertEquals(a.cutsS()[i], a.segments().get(i + 1).startS(), 1e-3);
        }
        // A still shot is calmer than a montage of moving textures, and a bouncing ball has a pace near its tempo.
        Segment still = of(TruthClip.Kind.STATIC).get(0).analysis().segments().get(0);
        Segment moving = a.segments().get(0);
        assertTrue(still.energy() < 0.05 && moving.energy() > still.energy() + 0.05, still + " vs " + moving);
        assertTrue(still.arousal() < moving.arousal(), still + " vs " + moving);
        Segment bouncing = of(TruthClip.Kind.IMPACTS).stream().filter(s -> s.clip().bpm() == 120).findFirst().orElseThrow()
                .analysis().segments().get(0);
        assertEquals(2.0, bouncing.pace(), 0.6, "about two impacts a second: " + bouncing);
    }
}
