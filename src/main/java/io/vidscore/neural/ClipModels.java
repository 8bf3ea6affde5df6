package io.vidscore.neural;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The CLIP sessions of this process: opened once per model folder and device, shared by every invocation
 * (a warm serverless instance or the CLI's whole chain pays the load once), closed at shutdown.
 * A folder without the CLIP files is not an error here: the caller falls back to the built-in encoder.
 */
public final class ClipModels {
    private static final Logger LOG = Logger.getLogger(ClipModels.class.getName());
    private static final Map<String, ClipImageEncoder> VISION = new ConcurrentHashMap<>();
    private static final Map<String, ClipTextEncoder> TEXT = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ClipModels::closeAll, "clip-sessions-close"));
    }

    private ClipModels() {
    }

    /** The vision encoder of {@code folder}, or empty when the folder has no CLIP vision model (logged once). */
    public static Optional<ClipImageEncoder> vision(ModelFolder folder, Device device) {
        if (!folder.has(ModelFolder.CLIP, ClipImageEncoder.FILE)) {
            logMissingOnce(folder, ClipImageEncoder.FILE);
            return Optional.empty();
        }
        return Optional.of(cached(VISION, folder, device,
                k -> new ClipImageEncoder(folder.require(ModelFolder.CLIP, ClipImageEncoder.FILE), device)));
    }

    /** The text encoder of {@code folder}, or empty when the folder lacks the text model or tokenizer. */
    public static Optional<ClipTextEncoder> text(ModelFolder folder, Device device) {
        if (!folder.has(ModelFolder.CLIP, ClipTextEncoder.FILE, ClipTextEncoder.TOKENIZER)) {
            logMissingOnce(folder, ClipTextEncoder.FILE + " or " + ClipTextEncoder.TOKENIZER);
            return Optional.empty();
        }
        return Optional.of(cached(TEXT, folder, device, k -> new ClipTextEncoder(folder.require(ModelFolder.CLIP, ClipTextEncoder.FILE),
                folder.require(ModelFolder.CLIP, ClipTextEncoder.TOKENIZER), device)));
    }

    private static <T> T cached(Map<String, T> map, ModelFolder folder, Device device, Function<String, T> open) {
        return map.computeIfAbsent(folder.cacheKey(device), open);
    }

    private static final Map<String, Boolean> WARNED = new ConcurrentHashMap<>();

    private static void logMissingOnce(ModelFolder folder, String file) {
        Path p = folder.root().resolve(ModelFolder.CLIP).resolve(file);
        if (WARNED.putIfAbsent(p.toString(), true) == null) {
            LOG.info("vidscore: no CLIP model at " + p + "; using the built-in features (fetch it with `" + ModelFolder.FETCH_HINT + "`)");
        }
    }

    static void closeAll() {
        VISION.values().forEach(ClipImageEncoder::close);
        TEXT.values().forEach(ClipTextEncoder::close);
        VISION.clear();
        TEXT.clear();
    }
}
