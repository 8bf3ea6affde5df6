package io.vidscore.neural;

import java.util.Locale;

/** Where ONNX Runtime runs a model. AUTO tries CUDA and falls back to the CPU with one log line. */
public enum Device {
    AUTO, CPU, CUDA;

    public static Device parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown device '" + s + "'; use auto, cpu or cuda");
        }
    }
}
