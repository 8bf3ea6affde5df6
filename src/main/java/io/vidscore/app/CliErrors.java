package io.vidscore.app;

/** Exit codes and the one-line messages the CLI prints instead of stack traces. */
final class CliErrors {
    static final int EXIT_OK = 0;
    /** The input was rejected (not a video, truncated, ...): the reason is printed and recorded. */
    static final int EXIT_REJECTED = 1;
    /** Wrong usage (picocli's own code for it). */
    static final int EXIT_USAGE = 2;
    /** Anything else: a bug or an environment problem. */
    static final int EXIT_INTERNAL = 3;

    private CliErrors() {
    }

    static String oneLine(Throwable e) {
        String msg = e.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = e.getClass().getSimpleName();
        }
        return msg.replace('\n', ' ');
    }
}
