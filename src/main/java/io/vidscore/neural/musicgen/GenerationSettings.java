package io.vidscore.neural.musicgen;

/**
 * How MusicGen samples and how long audio is cut into windows.
 *
 * @param guidanceScale   classifier-free guidance (audiocraft's default 3.0)
 * @param topK            candidates per step (audiocraft's default 250; 1 = greedy)
 * @param temperature     softmax temperature (1.0)
 * @param windowFrames    frames per generation window: 1500 = 30 s, the length MusicGen was trained on
 * @param promptFrames    frames of the previous window's tail that prompt the next window (500 = 10 s)
 * @param crossfadeFrames frames at the end of that overlap over which the two windows' audio is crossfaded
 */
public record GenerationSettings(float guidanceScale, int topK, double temperature, int windowFrames, int promptFrames,
                                 int crossfadeFrames) {
    public static final GenerationSettings DEFAULT = new GenerationSettings(3.0f, 250, 1.0, 1500, 500, 25);

    public GenerationSettings {
        if (!(promptFrames >= 1 && promptFrames < windowFrames)) {
            throw new IllegalArgumentException("promptFrames must be within 1.." + (windowFrames - 1) + ", got " + promptFrames);
        }
        if (!(crossfadeFrames >= 0 && crossfadeFrames <= promptFrames)) {
            throw new IllegalArgumentException("crossfadeFrames must be within 0.." + promptFrames + ", got " + crossfadeFrames);
        }
        if (topK < 1 || !(temperature > 0) || !(guidanceScale >= 1)) {
            throw new IllegalArgumentException("need topK >= 1, temperature > 0 and guidanceScale >= 1");
        }
    }

    public GenerationSettings withWindows(int window, int prompt, int crossfade) {
        return new GenerationSettings(guidanceScale, topK, temperature, window, prompt, crossfade);
    }

    public GenerationSettings withTopK(int k) {
        return new GenerationSettings(guidanceScale, k, temperature, windowFrames, promptFrames, crossfadeFrames);
    }
}
