package io.vidscore.music;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Standard MIDI File, type 1, {@value #PPQ} ticks per quarter note: a conductor track (name, tempo, 4/4,
 * key signature) then one track per instrument — drums together on channel 10 with their GM keys, every
 * other part named and given its GM program on a channel of its own. Times are the audio's: tick 0 is the
 * first sample, so the file lines up with the video.
 *
 * <p>Bar lines fall where the audio's downbeats are. The video's first beat is rarely at 0 and the piece may
 * open with a pickup, so the conductor track starts with a lead-in measure: one quarter note as long as the
 * silence before the first beat (its own tempo), then the pickup beats, in a measure of that many quarters;
 * 4/4 at the piece's tempo begins on the first downbeat. A DAW then shows every note on its grid position.
 *
 * <p>A note that starts again while still held on its channel (a pad re-struck across a bar line, say)
 * is ended at the new start, so note-ons and note-offs always pair; a key struck twice on the same tick
 * has its second strike one tick later.
 */
final class MidiWriter {
    static final int PPQ = 480;
    /** Length written for drum hits (drums ignore note-off): a thirty-second note. */
    private static final int DRUM_TICKS = PPQ / 8;

    private MidiWriter() {
    }

    private record Event(long tick, int order, byte[] data) {
    }

    /**
     * Frames to ticks: an optional short first quarter note of {@code shortFrames} frames (the time before the
     * first beat), then {@code ticksPerFrame} at the piece's tempo.
     */
    private record TempoMap(double shortFrames, double ticksPerFrame) {
        long tick(long frame) {
            if (shortFrames <= 0) {
                return Math.round(frame * ticksPerFrame);
            }
            if (frame < shortFrames) {
                return Math.round(frame / shortFrames * PPQ);
            }
            return PPQ + Math.round((frame - shortFrames) * ticksPerFrame);
        }
    }

    static void write(OutputStream out, String title, BeatGrid grid, Tonality key, Set<Part> parts,
                      List<NoteEvent> notes) throws IOException {
        long usPerQuarter = Math.round(grid.periodS * 1e6);
        double ticksPerFrame = PPQ * 1e6 / (Dsp.SR * usPerQuarter);
        double firstBeatS = grid.beatTime(grid.lead);
        // Below a millisecond the silence before the first beat is not worth a measure of its own.
        long shortUs = Math.round(firstBeatS * 1e6);
        boolean shortQuarter = shortUs >= 1000;
        int pickup = grid.lead == 0 ? 0 : BeatGrid.BEATS_PER_BAR - grid.lead;
        int leadInQuarters = pickup + (shortQuarter ? 1 : 0);
        TempoMap map = new TempoMap(shortQuarter ? firstBeatS * Dsp.SR : 0, ticksPerFrame);
        List<Part> pitched = parts.stream().filter(p -> !p.isDrum()).sorted().toList();
        boolean drums = parts.stream().anyMatch(Part::isDrum);

        List<byte[]> tracks = new ArrayList<>();
        List<Event> conductor = new ArrayList<>();
        conductor.add(new Event(0, 0, meta(0x03, title.getBytes(StandardCharsets.UTF_8))));
        conductor.add(new Event(0, 1, meta(0x58, new byte[] {(byte) (leadInQuarters > 0 ? leadInQuarters : 4), 2, 24, 8})));
        conductor.add(new Event(0, 2, meta(0x59, new byte[] {(byte) key.sharps(), (byte) (key.major ? 0 : 1)})));
        conductor.add(new Event(0, 3, tempo(shortQuarter ? shortUs : usPerQuarter)));
        if (shortQuarter) {
            conductor.add(new Event(PPQ, 3, tempo(usPerQuarter)));
        }
        if (leadInQuarters > 0) {
            conductor.add(new Event((long) leadInQuarters * PPQ, 1, meta(0x58, new byte[] {4, 2, 24, 8})));
        }
        tracks.add(track(conductor));
        if (drums) {
            tracks.add(noteTrack("Drums", 9, -1, notes, null, map));
        }
        int channel = 0;
        for (Part part : pitched) {
            if (channel == 9) {
                channel++;
            }
            tracks.add(noteTrack(part.trackName, Math.min(15, channel), part.program, notes, part, map));
            channel++;
        }

        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write("MThd".getBytes(StandardCharsets.US_ASCII));
        int32(header, 6);
        int16(header, 1);
        int16(header, tracks.size());
        int16(header, PPQ);
        out.write(header.toByteArray());
        for (byte[] t : tracks) {
            out.write(t);
        }
    }

    /** Notes of {@code part} (all drums when null) on {@code channel}. */
    private static byte[] noteTrack(String name, int channel, int program, List<NoteEvent> notes, Part part,
                                    TempoMap map) {
        List<Event> events = new ArrayList<>();
        events.add(new Event(0, 0, meta(0x03, name.getBytes(StandardCharsets.UTF_8))));
        if (program >= 0) {
            events.add(new Event(0, 1, new byte[] {(byte) (0xC0 | channel), (byte) program}));
        }
        long[] heldUntil = new long[128];
        long[] heldOn = new long[128];
        int[] heldIndex = new int[128];
        java.util.Arrays.fill(heldIndex, -1);
        for (NoteEvent n : notes) {
            boolean mine = part == null ? n.part().isDrum() : n.part() == part;
            if (!mine) {
                continue;
            }
            int pitch = part == null ? n.part().drumKey : Math.max(0, Math.min(127, n.midi()));
            long on = map.tick(n.startFrame());
            long off = part == null ? on + DRUM_TICKS
                    : Math.max(on + 1, map.tick(n.startFrame() + n.gateFrames()));
            int velocity = Math.max(1, Math.min(127, (int) Math.round(n.velocity() * 127)));
            if (heldIndex[pitch] >= 0 && heldOn[pitch] >= on) {
                // The same key struck twice at once: the second strike a tick later, so the first can end.
                on = heldOn[pitch] + 1;
                off = Math.max(off, on + 1);
            }
            if (heldIndex[pitch] >= 0 && heldUntil[pitch] > on) {
                // Still sounding: end the earlier note where this one starts.
                Event old = events.get(heldIndex[pitch]);
                events.set(heldIndex[pitch], new Event(on, 2, old.data));
            }
            events.add(new Event(on, 3, new byte[] {(byte) (0x90 | channel), (byte) pitch, (byte) velocity}));
            events.add(new Event(off, 2, new byte[] {(byte) (0x80 | channel), (byte) pitch, 0}));
            heldUntil[pitch] = off;
            heldOn[pitch] = on;
            heldIndex[pitch] = events.size() - 1;
        }
        return track(events);
    }

    private static byte[] track(List<Event> events) {
        List<Event> sorted = new ArrayList<>(events);
        // Stable: at equal ticks, meta first, then note-offs before note-ons, otherwise as written.
        sorted.sort(Comparator.comparingLong(Event::tick).thenComparingInt(Event::order));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        long previous = 0;
        for (Event e : sorted) {
            varLen(body, e.tick - previous);
            previous = e.tick;
            body.writeBytes(e.data);
        }
        varLen(body, 0);
        body.writeBytes(new byte[] {(byte) 0xFF, 0x2F, 0});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.writeBytes("MTrk".getBytes(StandardCharsets.US_ASCII));
        int32(chunk, body.size());
        chunk.writeBytes(body.toByteArray());
        return chunk.toByteArray();
    }

    private static byte[] tempo(long usPerQuarter) {
        return meta(0x51, new byte[] {(byte) (usPerQuarter >> 16), (byte) (usPerQuarter >> 8), (byte) usPerQuarter});
    }

    private static byte[] meta(int type, byte[] data) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0xFF);
        b.write(type);
        varLen(b, data.length);
        b.writeBytes(data);
        return b.toByteArray();
    }

    private static void varLen(ByteArrayOutputStream out, long value) {
        long buffer = value & 0x7F;
        while ((value >>= 7) > 0) {
            buffer <<= 8;
            buffer |= 0x80 | (value & 0x7F);
        }
        while (true) {
            out.write((int) (buffer & 0xFF));
            if ((buffer & 0x80) != 0) {
                buffer >>= 8;
            } else {
                break;
            }
        }
    }

    private static void int32(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static void int16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }
}
