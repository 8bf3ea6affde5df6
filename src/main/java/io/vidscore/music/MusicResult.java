package io.vidscore.music;

/**
 * What was rendered.
 *
 * @param engine        name of the engine that made it
 * @param tempoBpm      tempo of the beat grid
 * @param key           e.g. "A minor"
 * @param style         short human-readable description of the arrangement
 * @param plannedBeatsS grid beats inside [0, duration), seconds, ascending
 * @param notes         number of notes played, drum hits included
 */
public record MusicResult(String engine, double tempoBpm, String key, String style, double[] plannedBeatsS, int notes) {
}
