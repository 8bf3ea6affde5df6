package io.vidscore.pipeline;

import io.vidscore.music.ComposerEngine;
import io.vidscore.music.MusicEngine;
import io.vidscore.neural.ModelFolder;
import io.vidscore.neural.musicgen.GenerationSettings;
import io.vidscore.neural.musicgen.MusicGenEngine;
import io.vidscore.neural.musicgen.MusicGenerator;
import java.util.List;

/** The engines a request may name. The composer is built in and is the default; musicgen needs model weights. */
public final class MusicEngines {
    public static final List<String> NAMES = List.of("composer", MusicGenEngine.NAME);

    private MusicEngines() {
    }

    /**
     * Checks that {@code name} can run with {@code neural} before any work: an unknown engine, or musicgen without
     * {@code --models}, is an IllegalArgumentException; a model folder that lacks one of musicgen's files is a
     * one-line ModelException naming the file and the fetch command.
     */
    public static void validate(String name, NeuralOptions neural) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown engine '" + name + "'; available: " + String.join(", ", NAMES));
        }
        if (MusicGenEngine.NAME.equals(name)) {
            ModelFolder folder = neural.models().orElseThrow(() -> new IllegalArgumentException(
                    "engine musicgen needs the MusicGen weights: fetch them with `" + ModelFolder.FETCH_HINT
                            + "` and pass --models <dir>"));
            for (String file : MusicGenEngine.FILES) {
                folder.require(ModelFolder.MUSICGEN, file);
            }
        }
    }

    /** The built-in engines that need no options (the composer). */
    public static MusicEngine create(String name) {
        return create(name, NeuralOptions.NONE, (fraction, detail) -> { });
    }

    /** An engine for one render; {@code progress} hears how far a long generation got (fraction 0..1). */
    public static MusicEngine create(String name, NeuralOptions neural, MusicGenerator.Listener progress) {
        validate(name, neural);
        if (MusicGenEngine.NAME.equals(name)) {
            return new MusicGenEngine(neural.models().orElseThrow(), neural.device(), GenerationSettings.DEFAULT, progress);
        }
        return new ComposerEngine();
    }
}
