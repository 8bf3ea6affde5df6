package io.vidscore.app;

import io.vidscore.pipeline.Progress;
import java.io.PrintWriter;

/**
 * A progress bar on stderr. On a terminal it redraws one line; elsewhere (CI logs, pipes) it prints a
 * line per stage only, so logs stay readable.
 */
final class ConsoleProgress implements Progress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean enabled;
    private final boolean terminal = System.console() != null;
    private String lastStage = "";
    private long lastDraw;
    private boolean drawn;

    ConsoleProgress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public synchronized void update(String stage, double fraction, String detail) {
        if (!enabled) {
            return;
        }
        if (!terminal) {
            if (!stage.equals(lastStage)) {
                err.println("vidscore: " + stage + " ...");
                err.flush();
                lastStage = stage;
            }
            return;
        }
        long now = System.nanoTime();
        if (stage.equals(lastStage) && fraction < 1 && now - lastDraw < 100_000_000L) {
            return;
        }
        lastStage = stage;
        lastDraw = now;
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
        err.printf("\r[%s%s] %3d%% %-15s %-24s", "#".repeat(filled), "-".repeat(WIDTH - filled), Math.round(fraction * 100), stage, detail);
        err.flush();
        drawn = true;
    }

    synchronized void finish() {
        if (enabled && terminal && drawn) {
            err.println();
            err.flush();
        }
    }
}
