package io.vidscore.pipeline;

import io.vidscore.music.ComposerEngine;
import io.vidscore.music.MusicEngine;
import java.util.List;

/** The engines a request may name. The composer is built in and is the default. */
public final class MusicEngines {
    public static final List<String> NAMES = List.of("composer");

    private MusicEngines() {
    }

    public static MusicEngine create(String name) {
        if ("composer".equals(name)) {
            return new ComposerEngine();
        }
        throw new IllegalArgumentException("unknown engine '" + name + "'; available: " + String.join(", ", NAMES));
    }
}
