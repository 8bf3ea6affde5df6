package io.vidscore.music;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Hands notes to the band in time order, asking the arrangement for each bar only shortly before it
 * is due, so memory holds about two bars of notes however long the piece is.
 */
final class Sequencer {
    private static final long LOOKAHEAD_FRAMES = Math.round(Dsp.SR);
    private static final Comparator<NoteEvent> BY_START = Comparator.comparingLong(NoteEvent::startFrame);
    private final Arrangement arrangement;
    private final List<NoteEvent> pending = new ArrayList<>();
    private int nextBar;
    private int played;

    Sequencer(Arrangement arrangement) {
        this.arrangement = arrangement;
    }

    /** Plays every note starting before {@code blockStart + frames}. */
    void dispatch(Band band, long blockStart, int frames) {
        long blockEnd = blockStart + frames;
        boolean added = false;
        while (nextBar < arrangement.barCount() && arrangement.barStartFrame(nextBar) < blockEnd + LOOKAHEAD_FRAMES) {
            arrangement.writeBar(nextBar++, pending);
            added = true;
        }
        if (added) {
            pending.sort(BY_START); // stable: equal start frames keep the arrangement's order
        }
        int taken = 0;
        while (taken < pending.size() && pending.get(taken).startFrame() < blockEnd) {
            NoteEvent e = pending.get(taken++);
            band.play(e, (int) Math.max(0, e.startFrame() - blockStart));
            played++;
        }
        pending.subList(0, taken).clear();
    }

    int notesPlayed() {
        return played;
    }
}
