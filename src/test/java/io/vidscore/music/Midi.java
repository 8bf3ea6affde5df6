package io.vidscore.music;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/** A MIDI file parsed back with javax.sound.midi, reduced to what the tests look at. */
final class Midi {
    record Note(int track, int channel, long tick, long endTick, int pitch, int velocity) {
    }

    final Sequence sequence;
    final List<String> trackNames = new ArrayList<>();
    final List<Note> notes = new ArrayList<>();
    long usPerQuarter = -1;
    int sharps = Integer.MIN_VALUE;
    int minor = -1;
    int numerator = -1;
    final List<Integer> programs = new ArrayList<>();
    /** Conductor events in file order: {tick, µs per quarter} and {tick, numerator}. */
    final List<long[]> tempos = new ArrayList<>();
    final List<long[]> meters = new ArrayList<>();

    Midi(byte[] bytes) throws Exception {
        sequence = MidiSystem.getSequence(new ByteArrayInputStream(bytes));
        Track[] tracks = sequence.getTracks();
        for (int t = 0; t < tracks.length; t++) {
            String name = "";
            int program = -1;
            List<long[]> open = new ArrayList<>();
            for (int i = 0; i < tracks[t].size(); i++) {
                MidiEvent e = tracks[t].get(i);
                MidiMessage m = e.getMessage();
                if (m instanceof MetaMessage meta) {
                    byte[] d = meta.getData();
                    switch (meta.getType()) {
                        case 0x03 -> name = new String(d, java.nio.charset.StandardCharsets.UTF_8);
                        case 0x51 -> {
                            usPerQuarter = ((d[0] & 0xFF) << 16) | ((d[1] & 0xFF) << 8) | (d[2] & 0xFF);
                            tempos.add(new long[] {e.getTick(), usPerQuarter});
                        }
                        case 0x59 -> {
                            sharps = d[0];
                            minor = d[1];
                        }
                        case 0x58 -> {
                            numerator = d[0];
                            meters.add(new long[] {e.getTick(), d[0]});
                        }
                        default -> {
                        }
                    }
                } else if (m instanceof ShortMessage s) {
                    if (s.getCommand() == ShortMessage.PROGRAM_CHANGE) {
                        program = s.getData1();
                    } else if (s.getCommand() == ShortMessage.NOTE_ON && s.getData2() > 0) {
                        open.add(new long[] {e.getTick(), s.getChannel(), s.getData1(), s.getData2()});
                    } else if (s.getCommand() == ShortMessage.NOTE_OFF
                            || s.getCommand() == ShortMessage.NOTE_ON && s.getData2() == 0) {
                        for (int k = 0; k < open.size(); k++) {
                            long[] o = open.get(k);
                            if (o[1] == s.getChannel() && o[2] == s.getData1()) {
                                notes.add(new Note(t, (int) o[1], o[0], e.getTick(), (int) o[2], (int) o[3]));
                                open.remove(k);
                                break;
                            }
                        }
                    }
                }
            }
            if (!open.isEmpty()) {
                throw new AssertionError("track " + t + " has " + open.size() + " notes never released");
            }
            trackNames.add(name);
            programs.add(program);
        }
        notes.sort(java.util.Comparator.comparingLong(Note::tick).thenComparingInt(Note::pitch));
    }

    /** Seconds at {@code tick}, through the tempo map (quarter-note denominators, as the composer writes). */
    double seconds(long tick) {
        double s = 0;
        long at = 0;
        long us = 500_000;
        for (long[] t : tempos) {
            if (t[0] >= tick) {
                break;
            }
            s += (t[0] - at) * us / 1e6 / sequence.getResolution();
            at = t[0];
            us = t[1];
        }
        return s + (tick - at) * us / 1e6 / sequence.getResolution();
    }

    /** Times of the bar lines the time signatures draw, in seconds, up to {@code untilS}. */
    List<Double> barLinesS(double untilS) {
        List<Double> out = new ArrayList<>();
        long tick = 0;
        int m = 0;
        long quarters = 4;
        while (seconds(tick) < untilS) {
            while (m < meters.size() && meters.get(m)[0] <= tick) {
                quarters = meters.get(m++)[1];
            }
            out.add(seconds(tick));
            tick += quarters * sequence.getResolution();
        }
        return out;
    }

    double bpm() {
        return 60_000_000.0 / usPerQuarter;
    }

    boolean isDrumTrack(int track) {
        return trackNames.get(track).equals("Drums");
    }

    List<Note> pitched() {
        return notes.stream().filter(n -> n.channel() != 9).toList();
    }

    List<Note> ofTrack(String name) {
        int t = trackNames.indexOf(name);
        return notes.stream().filter(n -> n.track() == t).toList();
    }
}
