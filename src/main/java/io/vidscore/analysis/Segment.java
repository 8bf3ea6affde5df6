package io.vidscore.analysis;

/**
 * One shot: the stretch between two cuts (or the start/end of the video), described the way an engine
 * can use it. All values are means over the shot's frames.
 *
 * @param energy     motion energy 0..1 (mean absolute frame difference, full scale at {@link VisualAnalyzer#FULL_ENERGY})
 * @param pace       visible visual events per second: peaks of the per-frame motion-reversal/flash strength
 *                   of at least {@code Segments.ONSET_PEAK} (impacts, flashes, gestures turning round)
 * @param brightness mean luma 0..1
 * @param warmth     red minus blue, -1..1 (positive = warm)
 * @param saturation 0..1
 * @param complexity visual detail 0..1 (mean spatial gradient of the analysis grid, full scale at {@link VisualAnalyzer#FULL_COMPLEXITY})
 * @param valence    mood, -1 (sad, dark) .. +1 (happy, bright); see {@link Mood}
 * @param arousal    mood, -1 (calm) .. +1 (excited); see {@link Mood}
 */
public record Segment(double startS, double endS, double energy, double pace, double brightness, double warmth,
        double saturation, double complexity, double valence, double arousal) {
}
