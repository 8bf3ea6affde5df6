package io.vidscore.pipeline;

import io.vidscore.neural.Device;
import io.vidscore.neural.ModelFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the neural path needs from the user: where the model weights are (none by default: the chain then
 * runs on built-in components only), a free-form prompt merged into the music conditioning, the device, and
 * how many frames the CLIP encoder runs at once.
 *
 * <p>A {@code --models} folder that does not exist is a usage error, said at startup in one line; a folder
 * that exists but lacks a model is not: the stage that wants it falls back to the built-in component and
 * says so in the log and the report (a user may fetch only CLIP, or only MusicGen).
 */
public record NeuralOptions(Path modelsDir, String prompt, Device device, int clipBatch) {
    public static final int DEFAULT_CLIP_BATCH = 32;
    public static final NeuralOptions NONE = new NeuralOptions(null, "", Device.AUTO);

    public NeuralOptions {
        prompt = prompt == null ? "" : prompt.strip();
        device = device == null ? Device.AUTO : device;
        if (clipBatch < 1 || clipBatch > 4096) {
            throw new IllegalArgumentException("CLIP batch size " + clipBatch + " is out of range 1..4096");
        }
        if (modelsDir != null && !Files.isDirectory(modelsDir)) {
            throw new IllegalArgumentException("--models " + modelsDir + ": no such folder; fetch the weights with `"
                    + ModelFolder.FETCH_HINT + "` (see models/README.md)");
        }
    }

    public NeuralOptions(Path modelsDir, String prompt, Device device) {
        this(modelsDir, prompt, device, DEFAULT_CLIP_BATCH);
    }

    public Optional<ModelFolder> models() {
        return Optional.ofNullable(modelsDir).map(ModelFolder::new);
    }
}
