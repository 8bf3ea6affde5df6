package io.vidscore.store;

/** A storage operation failed; the message names the key and the bucket. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The key does not exist. */
    public static class NotFound extends StoreException {
        public NotFound(String bucket, String key) {
            super("no object " + key + " in bucket " + bucket);
        }
    }
}
