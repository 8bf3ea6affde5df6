package io.vidscore.media;

/**
 * The input cannot be processed as a video. The message is one line a user can act on
 * (e.g. "not a video: no video stream (audio only)"); it ends up in failed/&lt;name&gt;.json and on stderr.
 */
public class MediaException extends RuntimeException {
    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
