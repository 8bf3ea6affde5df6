package io.vidscore.pipeline;

/**
 * What one function did with one event; returned by the HTTP functions and logged.
 *
 * @param status {@code done}, {@code skipped} (already done or stale), {@code waiting} (fan-in not
 *               complete yet), {@code ignored} (event not for this function), {@code rejected} (the event
 *               itself is malformed: retrying cannot help) or {@code failed} (the input cannot be scored)
 */
public record StageOutcome(String function, String key, String status, String detail, String jobId) {
    public static final String DONE = "done";
    public static final String SKIPPED = "skipped";
    public static final String WAITING = "waiting";
    public static final String IGNORED = "ignored";
    public static final String FAILED = "failed";
    public static final String REJECTED = "rejected";

    public boolean failed() {
        return FAILED.equals(status);
    }
}
