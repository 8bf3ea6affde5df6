package io.vidscore.pipeline;

import io.vidscore.neural.Device;
import io.vidscore.neural.ModelFolder;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the neural path needs from the user: where the model weights are (none by default: the chain then
 * runs on built-in components only), a free-form prompt merged into the music conditioning, and the device.
 */
public record NeuralOptions(Path modelsDir, String prompt, Device device) {
    public static final NeuralOptions NONE = new NeuralOptions(null, "", Device.AUTO);

    public NeuralOptions {
        prompt = prompt == null ? "" : prompt.strip();
        device = device == null ? Device.AUTO : device;
    }

    public Optional<ModelFolder> models() {
        return Optional.ofNullable(modelsDir).map(ModelFolder::new);
    }
}
