package io.vidscore.analysis;

/**
 * A gradual transition: a fade from or to black, or a cross-dissolve between two shots. Never a cut.
 *
 * @param startS first frame of the transition
 * @param endS   last frame of the transition
 */
public record Fade(double startS, double endS, Kind kind) {
    public enum Kind {
        /** From black (or near black) up to a picture. */
        FADE_IN,
        /** From a picture down to black. */
        FADE_OUT,
        /** One picture blended into another. */
        DISSOLVE
    }
}
