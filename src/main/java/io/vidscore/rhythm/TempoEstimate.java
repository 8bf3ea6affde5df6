package io.vidscore.rhythm;

/**
 * A tempo guess from an onset envelope.
 *
 * @param bpm        beats per minute in [60, 180]; a best guess even when {@code rhythmic} is false
 * @param confidence 0..1, how clearly the envelope repeats at that period (autocorrelation peak prominence)
 * @param rhythmic   false when the envelope is flat, noise-like or too short: callers must then not place beats
 */
public record TempoEstimate(double bpm, double confidence, boolean rhythmic) {
}
