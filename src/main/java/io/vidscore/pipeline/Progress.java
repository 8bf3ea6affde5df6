package io.vidscore.pipeline;

/** Where long work reports how far it got (the CLI draws a bar on stderr, serve logs). */
@FunctionalInterface
public interface Progress {
    Progress NONE = (stage, fraction, detail) -> { };

    /** @param fraction 0..1 of this stage's work */
    void update(String stage, double fraction, String detail);
}
