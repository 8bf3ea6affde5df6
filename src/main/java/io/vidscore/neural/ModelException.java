package io.vidscore.neural;

/** A model folder that cannot be used: the message is one line naming the file and what to do about it. */
public class ModelException extends RuntimeException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
