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
 * @param styleName     the style played, one of {@link ComposerEngine#STYLES} (empty for other engines)
 * @param form          the sections in order with their first bar, e.g. "intro@0 A@2 B@10 A'@18 end@26"
 * @param downbeatsS    planned bar starts inside [0, duration), seconds, ascending (empty when the engine has no bars)
 */
public record MusicResult(String engine, double tempoBpm, String key, String style, double[] plannedBeatsS, int notes,
                          String styleName, String form, double[] downbeatsS) {
    public MusicResult(String engine, double tempoBpm, String key, String style, double[] plannedBeatsS, int notes) {
        this(engine, tempoBpm, key, style, plannedBeatsS, notes, "", "", new double[0]);
    }
}
