package io.vidscore.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Different videos, and different seeds, get audibly different music — other instruments, other tunes and
 * other rhythms — not the same piece transposed. Compared on the MIDI of each piece with two measures that
 * ignore transposition:
 * <ul>
 * <li>melody: Jaccard similarity of the sets of melodic interval trigrams (three successive pitch steps) of
 *     the melody instrument — a transposed tune has exactly the same set;</li>
 * <li>rhythm: Jaccard similarity of the sets of one-bar onset patterns per instrument (each instrument's notes,
 *     each drum's hits, in a bar quantised to the sixteenth grid as a 16-step mask), read against the file's
 *     own bar lines.</li>
 * </ul>
 * A control shows the measures can tell: the same video in another key scores 1.0 on both. Measured: pieces
 * in different styles share 0–15 % of melodic trigrams and 8–28 % of bar patterns; two videos or seeds in the
 * same style share 0–13 % of trigrams and 50–81 % of bar patterns (ambient seeds the most) (a style keeps its grooves; the seed and the
 * video choose the ostinato, comping, strum, arpeggio and melody rhythms). Before the composer mixed the
 * video's timing into its seed, two acoustic videos scored with the same seed shared 22 % of trigrams (the
 * same motifs), and before the cinematic ostinato rhythm was seeded, two cinematic seeds shared 91 % of bar
 * patterns.
 */
class VarietyTest {
    private static final double DURATION = 30;
    private final ComposerEngine engine = new ComposerEngine();

    private static String melodyTrack(String style) {
        return switch (style) {
            case "electronic" -> "Pluck Lead";
            case "lofi" -> "Vibraphone";
            case "acoustic" -> "Nylon Guitar";
            default -> "Celesta";
        };
    }

    /** A video as the analysis describes it: tempo, beat, cuts, motion and colour. */
    private static MusicRequest video(double bpm, double origin, double[] cuts, float[] energy, double brightness,
                                      double warmth, long seed) {
        return new MusicRequest(DURATION, bpm, origin, cuts, energy, 10, brightness, warmth, 0.5, seed);
    }

    private record Piece(String style, Set<String> tracks, Set<List<Integer>> melody, Set<Long> rhythm) {
    }

    private Piece piece(MusicRequest request) throws Exception {
        String style = ComposerEngine.styleFor(request);
        if (request.overrides().style() != null) {
            style = request.overrides().style();
        }
        Midi midi = new Midi(engine.renderMidi(request));
        Set<String> tracks = new TreeSet<>(midi.trackNames.subList(1, midi.trackNames.size()));
        List<Midi.Note> tune = midi.ofTrack(melodyTrack(style));
        Set<List<Integer>> trigrams = new HashSet<>();
        for (int i = 0; i + 3 < tune.size(); i++) {
            trigrams.add(List.of(tune.get(i + 1).pitch() - tune.get(i).pitch(),
                    tune.get(i + 2).pitch() - tune.get(i + 1).pitch(), tune.get(i + 3).pitch() - tune.get(i + 2).pitch()));
        }
        long barTicks = 4L * midi.sequence.getResolution();
        long sixteenth = barTicks / 16;
        long firstBar = midi.meters.get(midi.meters.size() - 1)[0];
        Map<Long, Integer> masks = new LinkedHashMap<>();
        for (Midi.Note n : midi.notes) {
            if (n.tick() < firstBar) {
                continue;
            }
            long bar = (n.tick() - firstBar) / barTicks;
            int step = (int) Math.min(15, Math.round((double) ((n.tick() - firstBar) % barTicks) / sixteenth));
            // One pattern per instrument and bar (the drum kit per drum key), so parts do not blur into one mask.
            long instrument = n.channel() == 9 ? 100 + n.pitch() : n.track();
            masks.merge(bar * 1000 + instrument, 1 << step, (a, b) -> a | b);
        }
        Set<Long> patterns = new HashSet<>();
        masks.forEach((barAndInstrument, mask) -> patterns.add((barAndInstrument % 1000) << 16 | mask));
        return new Piece(style, tracks, trigrams, patterns);
    }

    private static <T> double jaccard(Set<T> a, Set<T> b) {
        Set<T> union = new HashSet<>(a);
        union.addAll(b);
        Set<T> both = new HashSet<>(a);
        both.retainAll(b);
        return union.isEmpty() ? 1 : (double) both.size() / union.size();
    }

    @Test
    void differentVideosGetDifferentMaterialNotATransposition() throws Exception {
        Map<String, MusicRequest> videos = new LinkedHashMap<>();
        videos.put("dark, cold, still, 70 BPM", video(70, 0.5, new double[] {14}, Requests.constantEnergy(DURATION, 0.1),
                0.15, -0.6, 7));
        videos.put("dark, moving, 96 BPM", video(96, 0.2, new double[] {9.5, 21}, Requests.swellingEnergy(DURATION),
                0.2, -0.2, 7));
        videos.put("neutral, calm, 84 BPM", video(84, 0.31, new double[] {12}, Requests.constantEnergy(DURATION, 0.35),
                0.5, 0.0, 7));
        videos.put("bright, warm, 110 BPM", video(110, 0.1, new double[] {7.7, 18.2}, Requests.swellingEnergy(DURATION),
                0.8, 0.5, 7));
        videos.put("bright, warm, 88 BPM, other cuts", video(88, 0.45, new double[] {15.1},
                Requests.constantEnergy(DURATION, 0.5), 0.7, 0.4, 7));
        videos.put("bright, busy, 128 BPM", video(128, 0.05, new double[] {8, 16, 24}, Requests.constantEnergy(DURATION,
                0.85), 0.75, 0.3, 7));
        Map<String, Piece> pieces = new LinkedHashMap<>();
        for (Map.Entry<String, MusicRequest> v : videos.entrySet()) {
            Piece p = piece(v.getValue());
            pieces.put(v.getKey(), p);
            System.out.printf("%-34s %-10s %s, %d melodic trigrams, %d bar patterns%n", v.getKey(), p.style, p.tracks,
                    p.melody.size(), p.rhythm.size());
        }
        Set<String> styles = new HashSet<>();
        pieces.values().forEach(p -> styles.add(p.style));
        assertEquals(5, styles.size(), "six videos of different mood and pace use all five styles: " + styles);

        List<String> names = new ArrayList<>(pieces.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                Piece a = pieces.get(names.get(i));
                Piece b = pieces.get(names.get(j));
                double melody = jaccard(a.melody, b.melody);
                double rhythm = jaccard(a.rhythm, b.rhythm);
                System.out.printf("%-34s vs %-34s melody %.2f rhythm %.2f%n", names.get(i), names.get(j), melody, rhythm);
                String pair = names.get(i) + " / " + names.get(j);
                if (!a.style.equals(b.style)) {
                    assertNotEquals(a.tracks, b.tracks, pair + ": other styles, other instruments");
                }
                assertTrue(melody < 0.5, pair + ": other tunes, melody similarity " + melody);
                // Within a style the drum grooves are the style's own, so rhythms share more (see the class comment).
                double most = a.style.equals(b.style) ? 0.8 : 0.5;
                assertTrue(rhythm < most, pair + ": other rhythms, rhythm similarity " + rhythm);
            }
        }
    }

    @Test
    void differentSeedsGetDifferentMaterialNotATransposition() throws Exception {
        for (String style : ComposerEngine.STYLES) {
            List<Piece> seeds = new ArrayList<>();
            for (long seed = 1; seed <= 3; seed++) {
                seeds.add(piece(StylesTest.request(style, seed)));
            }
            for (int i = 0; i < seeds.size(); i++) {
                for (int j = i + 1; j < seeds.size(); j++) {
                    double melody = jaccard(seeds.get(i).melody, seeds.get(j).melody);
                    double rhythm = jaccard(seeds.get(i).rhythm, seeds.get(j).rhythm);
                    System.out.printf("%-10s seeds %d and %d: melody %.2f rhythm %.2f%n", style, i + 1, j + 1, melody,
                            rhythm);
                    assertTrue(melody < 0.5, style + " seeds " + (i + 1) + "/" + (j + 1) + ": melody " + melody);
                    // Ambient's 20 s pieces are the least varied in rhythm (held pads over a heartbeat): up to 0.81.
                    assertTrue(rhythm < 0.85, style + " seeds " + (i + 1) + "/" + (j + 1) + ": rhythm " + rhythm);
                }
            }
        }
    }

    /** The control: the measures see through transposition, so a low score above means new material. */
    @Test
    void aTranspositionScoresAsTheSameMaterial() throws Exception {
        for (String style : ComposerEngine.STYLES) {
            MusicRequest request = StylesTest.request(style, 5);
            Piece original = piece(request);
            Piece transposed = piece(request.withOverrides(new MusicRequest.Overrides(style, null,
                    request.overrides().key().endsWith("minor") ? "B minor" : "D major")));
            assertEquals(1.0, jaccard(original.melody, transposed.melody), 1e-9, style + " melody");
            assertEquals(1.0, jaccard(original.rhythm, transposed.rhythm), 1e-9, style + " rhythm");
            assertTrue(original.melody.size() >= 5, style + " has a tune to compare: " + original.melody.size());
        }
    }
}
