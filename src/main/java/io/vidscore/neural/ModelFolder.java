package io.vidscore.neural;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder a user points {@code --models} at: {@code clip-vit-base-patch32/} and {@code musicgen-small/},
 * laid out as the published exports are (files under {@code onnx/}, tokenizer and configs beside it).
 * The application never downloads: a missing file is reported with the command that fetches it.
 */
public final class ModelFolder {
    public static final String CLIP = "clip-vit-base-patch32";
    public static final String MUSICGEN = "musicgen-small";
    public static final String FETCH_HINT = "models/fetch-models.sh <dir>";

    private final Path root;

    public ModelFolder(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Identifies this folder on {@code device} for the process-wide session caches. */
    public String cacheKey(Device device) {
        return root.toAbsolutePath().normalize() + "|" + device;
    }

    /** True when every listed file of {@code model} is present (so an optional neural step can run). */
    public boolean has(String model, String... files) {
        for (String f : files) {
            if (!Files.isRegularFile(root.resolve(model).resolve(f))) {
                return false;
            }
        }
        return true;
    }

    /** The path of one file of {@code model}, or a one-line {@link ModelException} naming it and the fetch command. */
    public Path require(String model, String file) {
        Path p = root.resolve(model).resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new ModelException("missing model file " + p + ": fetch the weights with `" + FETCH_HINT
                    + "` and pass --models <dir> (see models/README.md)");
        }
        return p;
    }
}
