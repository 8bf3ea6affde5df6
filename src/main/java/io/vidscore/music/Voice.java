package io.vidscore.music;

/**
 * A sounding note. Voices are allocated once per render and recycled, so the audio loop allocates nothing.
 * A note may start in the middle of a block: the first render call begins at that offset.
 */
abstract class Voice {
    boolean active;
    long startFrame;
    double gainLeft;
    double gainRight;
    private int offset;

    final void start(NoteEvent event, int offsetInBlock) {
        active = true;
        startFrame = event.startFrame();
        offset = offsetInBlock;
        gainLeft = Dsp.panLeft(event.pan());
        gainRight = Dsp.panRight(event.pan());
        onStart(event);
    }

    final void render(Mix mix, int frames) {
        int from = offset;
        offset = 0;
        if (!renderFrames(mix, from, frames)) {
            active = false;
        }
    }

    abstract void onStart(NoteEvent event);

    /** Adds frames {@code [from, to)} of this voice into the mix; returns false once it has fallen silent. */
    abstract boolean renderFrames(Mix mix, int from, int to);
}
