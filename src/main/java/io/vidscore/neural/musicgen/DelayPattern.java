package io.vidscore.neural.musicgen;

/**
 * MusicGen's codebook delay pattern for one generation of {@code frames} audio frames, optionally continuing
 * {@code prompt} (un-delayed codes [4][P] that the generation must reproduce first).
 *
 * <p>Codebook k is delayed by k steps: at sequence position p it carries frame {@code j = p − k − 1}. Position 0
 * is the start column (all pad); positions with {@code j < 0} or {@code j ≥ frames} hold the pad id, which is
 * also the start id ({@code vocab}, 2048). A sequence therefore has {@code frames + K} positions and
 * {@code frames + K − 1} new tokens; {@link #undelay} keeps exactly the positions {@code 0 < p − k ≤ frames}.
 */
final class DelayPattern {
    static final int FREE = -1;

    private final int codebooks;
    private final int frames;
    private final int pad;
    private final int[][] prompt;

    DelayPattern(int codebooks, int frames, int pad, int[][] prompt) {
        if (prompt.length > 0 && prompt[0].length >= frames) {
            throw new IllegalArgumentException("prompt of " + prompt[0].length + " frames leaves nothing to generate in " + frames);
        }
        this.codebooks = codebooks;
        this.frames = frames;
        this.pad = pad;
        this.prompt = prompt;
    }

    int length() {
        return frames + codebooks;
    }

    /** The token forced at (codebook, position), or {@link #FREE} where the model chooses. */
    int forced(int codebook, int position) {
        int j = position - codebook - 1;
        if (j < 0 || j >= frames) {
            return pad;
        }
        if (prompt.length > 0 && j < prompt[0].length) {
            return prompt[codebook][j];
        }
        return FREE;
    }

    /** Positions 0..n−1 that are forced in every codebook: they can be fed to the decoder in one go. */
    int forcedPrefix() {
        int n = 0;
        while (n < length()) {
            for (int k = 0; k < codebooks; k++) {
                if (forced(k, n) == FREE) {
                    return n;
                }
            }
            n++;
        }
        return n;
    }

    /** Delayed sequence [K][frames + K] → codes [K][frames]. */
    int[][] undelay(int[][] sequence) {
        int[][] codes = new int[codebooks][frames];
        for (int k = 0; k < codebooks; k++) {
            System.arraycopy(sequence[k], k + 1, codes[k], 0, frames);
        }
        return codes;
    }
}
