package io.vidscore.music;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The form of the whole piece, decided before the first note: a few bars of intro on the tonic, sections between scene
 * cuts (long stretches without cuts are split into 8- or 16-bar sections), and the ending. It is one small
 * record per bar (a 10-minute piece has a few hundred), so planning ahead costs no memory to speak of.
 *
 * <ul>
 * <li>Sections get letters from the seed: the first is A, the second B; later ones return to A (A', A'')
 *     or to an earlier letter, or bring new material (C, D, E), so a long video develops and recapitulates
 *     instead of looping one phrase. Each letter has its own progression (from the style's bank), motif,
 *     groove variant and layer set; a return keeps progression and motif but varies the motif and layers.</li>
 * <li>A section starts at the bar line nearest its scene cut; the bar before carries a fill or riser.</li>
 * <li>A section's last bar turns to the dominant when the next section follows, so the change is prepared.</li>
 * <li>Ending: the final bar is the last bar starting at least {@value #ENDING_RING_S} s before the end; it
 *     holds the tonic triad until the end. The two bars before it are the cadence, chosen by the seed:
 *     IV–V7 or ii–V7 in major (the subdominant before the dominant seventh, which together name the key); iv–V or VI–V in minor for acoustic and lofi; bVI–bVII or iv–bVII
 *     (aeolian) in minor for cinematic, ambient and electronic.</li>
 * </ul>
 */
final class FormPlan {
    static final double ENDING_RING_S = 1.5;

    /** One section: bars [start, end), its letter and how many times the letter came before. */
    record Section(int start, int end, char letter, int occurrence, int[] progression, Motif motif, int groove,
                   boolean melody, boolean counter, double lift, int flavor) {
        String label() {
            if (letter == 'I' || letter == 'Z') {
                return letter == 'I' ? "intro" : "end";
            }
            return occurrence < 3 ? letter + "'".repeat(occurrence) : letter + Integer.toString(occurrence + 1);
        }
    }

    final Style style;
    final Tonality key;
    final BeatGrid grid;
    final int bars;
    final int finalBar;
    final int introBars;
    final List<Section> sections = new ArrayList<>();
    private final int[] sectionOfBar;
    private final Chord[] chords;
    final int[] cutBeats;
    /** Degree of the chord two bars before the end (the one before the dominant), chosen by the seed. */
    private final int preDominant;

    FormPlan(Style style, Tonality key, BeatGrid grid, double[] cutsS, long seed) {
        this.style = style;
        this.key = key;
        this.grid = grid;
        this.bars = grid.barCount;
        int fin = 0;
        for (int b = 0; b < bars; b++) {
            if (grid.barStart(b) <= grid.durationS - ENDING_RING_S) {
                fin = b;
            }
        }
        this.finalBar = fin;
        this.cutBeats = Arrays.stream(cutsS)
                .filter(t -> t > 0 && t < grid.durationS)
                .mapToInt(grid::nearestBeat)
                .filter(k -> k > grid.lead && k < grid.beatCount)
                .distinct()
                .sorted()
                .toArray();

        // Section boundaries: cut bar lines inside the body, then long stretches split into phrases.
        int intro = bars < 12 ? 1 : bars < 40 ? 2 : 4;
        if (grid.lead > 0) {
            intro++; // bar 0 is only a pickup: the intro proper is the first full bar(s) after it
        }
        intro = Math.min(intro, Math.max(0, finalBar - 2));
        List<Integer> cutBars = new ArrayList<>();
        for (int beat : cutBeats) {
            int b = (int) Math.round(beat / (double) BeatGrid.BEATS_PER_BAR);
            if (b >= 1 && b <= intro) {
                intro = b;
            }
            cutBars.add(b);
        }
        this.introBars = intro;
        List<Integer> starts = new ArrayList<>();
        starts.add(introBars);
        for (int b : cutBars) {
            if (b > starts.get(starts.size() - 1) + 1 && b <= finalBar - 2) {
                starts.add(b);
            }
        }
        int maxLength = 8 * style.barsPerChord;
        List<Integer> split = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i);
            int to = i + 1 < starts.size() ? starts.get(i + 1) : finalBar;
            split.add(from);
            for (int b = from + maxLength; b <= to - 4; b += maxLength) {
                split.add(b);
            }
        }

        SplittableRandom random = new SplittableRandom(seed ^ 0x6A09E667F3BCC909L);
        int[] preDominants = key.major ? new int[] {3, 1} : aeolian(style, key) ? new int[] {5, 3} : new int[] {3, 5};
        this.preDominant = preDominants[random.nextInt(preDominants.length)];
        int[][] bank = key.major ? style.majorProgressions : style.minorProgressions;
        int[] order = shuffled(bank.length, random);
        List<Character> letters = letters(split.size(), random);
        Motif[] motifs = new Motif[8];
        int[] flavors = new int[8];
        int[] occurrences = new int[26];
        if (introBars > 0) {
            // The intro states the key: it stays on the tonic (a short piece whose first section opens on iv or
            // vi would otherwise spend most of its length away from the key it ends in).
            sections.add(new Section(0, introBars, 'I', 0, new int[] {0}, null, 0, false, false, -0.25,
                    random.nextInt(1 << 16)));
        }
        for (int i = 0; i < split.size(); i++) {
            int from = split.get(i);
            int to = i + 1 < split.size() ? split.get(i + 1) : finalBar;
            if (to <= from) {
                continue;
            }
            char letter = letters.get(i);
            int index = letter - 'A';
            if (motifs[index] == null) {
                motifs[index] = Motif.generate(random);
                flavors[index] = random.nextInt(1 << 16);
            }
            int occurrence = occurrences[index]++;
            Motif motif = occurrence == 0 ? motifs[index] : motifs[index].varied(random);
            int groove = (index + occurrence + flavors[index]) % 2;
            boolean melody = index != 1 || occurrence > 0 || random.nextBoolean();
            boolean counter = index > 0 || occurrence > 0;
            double lift = switch (index) {
                case 0 -> occurrence == 0 ? 0 : 0.08;
                case 1 -> 0.12;
                case 2 -> -0.12;
                default -> 0.05;
            };
            int[] progression = bank[order[index % order.length]];
            if (index == 0 && style.barsPerChord == 1) {
                // The main theme opens on the tonic, so the key is heard. (Slow styles, two bars per chord, have
                // their intro on the tonic already; rotating their theme too made every seed's opening alike.)
                progression = fromTonic(progression);
            }
            sections.add(new Section(from, to, letter, occurrence, progression, motif, groove,
                    melody, counter, lift, flavors[index] + occurrence));
        }
        if (finalBar < bars || sections.isEmpty()) {
            sections.add(new Section(finalBar, bars, 'Z', 0, new int[] {0}, sections.isEmpty() ? Motif.generate(random)
                    : lastMotif(), 0, true, false, 0, 0));
        }
        sectionOfBar = new int[bars];
        for (int s = 0; s < sections.size(); s++) {
            for (int b = sections.get(s).start; b < Math.min(bars, sections.get(s).end); b++) {
                sectionOfBar[b] = s;
            }
        }
        chords = new Chord[bars];
        for (int b = 0; b < bars; b++) {
            chords[b] = chordOf(b);
        }
    }

    private Motif lastMotif() {
        for (int i = sections.size() - 1; i >= 0; i--) {
            if (sections.get(i).motif != null) {
                return sections.get(i).motif;
            }
        }
        return null;
    }

    /** The progression rotated to start on its first tonic chord (unchanged when it has none). */
    private static int[] fromTonic(int[] progression) {
        for (int i = 0; i < progression.length; i++) {
            if (progression[i] == 0) {
                int[] out = new int[progression.length];
                for (int j = 0; j < out.length; j++) {
                    out[j] = progression[(i + j) % progression.length];
                }
                return out;
            }
        }
        return progression;
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** A, B, then returns and new letters, seeded. */
    private static List<Character> letters(int count, SplittableRandom random) {
        List<Character> out = new ArrayList<>();
        char newest = 'A';
        for (int i = 0; i < count; i++) {
            char letter;
            if (i == 0) {
                letter = 'A';
            } else if (i == 1) {
                letter = 'B';
                newest = 'B';
            } else {
                char previous = out.get(i - 1);
                double r = random.nextDouble();
                if (previous != 'A' && r < 0.45) {
                    letter = 'A';
                } else if (r < 0.7 || newest == 'E') {
                    do {
                        letter = (char) ('A' + random.nextInt(newest - 'A' + 1));
                    } while (letter == previous);
                } else {
                    letter = ++newest;
                }
            }
            out.add(letter);
        }
        return out;
    }

    Section section(int bar) {
        return sections.get(sectionOfBar[bar]);
    }

    boolean isIntro(int bar) {
        return bar < introBars;
    }

    boolean isEnding(int bar) {
        return bar >= finalBar;
    }

    /** True when a new section (or the ending) begins at {@code bar + 1}. */
    boolean changesAfter(int bar) {
        return bar + 1 < bars && bar + 1 > 0 && sectionOfBar[bar + 1] != sectionOfBar[bar];
    }

    Chord chord(int bar) {
        if (bar < 0) {
            return chords[0];
        }
        return chords[Math.min(bar, bars - 1)];
    }

    /** Minor keys of these styles cadence modally (bVII–i), the others with the raised leading tone (V–i). */
    private static boolean aeolian(Style style, Tonality key) {
        return !key.major && (style == Style.CINEMATIC || style == Style.AMBIENT || style == Style.ELECTRONIC);
    }

    private Chord chordOf(int bar) {
        boolean minorAeolian = aeolian(style, key);
        if (bar >= finalBar) {
            return Chord.of(key, style, 0, true, false);
        }
        if (bar == finalBar - 1 && bar >= 1) {
            return Chord.of(key, style, minorAeolian ? 6 : 4, false, true);
        }
        if (bar == finalBar - 2 && bar >= 1) {
            return Chord.of(key, style, preDominant, false, false);
        }
        Section s = section(bar);
        int inSection = bar - s.start;
        int[] p = s.progression;
        int degree = p[(inSection / style.barsPerChord) % p.length];
        boolean lastOfSection = bar + 1 == s.end && s.end < finalBar - 2 && s.end - s.start >= 3;
        if (lastOfSection && s.letter != 'I') {
            degree = key.major || !minorAeolian ? 4 : 6; // turnaround into the next section
            return Chord.of(key, style, degree, false, true);
        }
        return Chord.of(key, style, degree, false, false);
    }

    /** Position of {@code bar} in its phrase (4 chords long) and whether the phrase answers (consequent). */
    int barInPhrase(int bar) {
        return (bar - section(bar).start) % (4 * style.barsPerChord);
    }

    boolean consequent(int bar) {
        return ((bar - section(bar).start) / (4 * style.barsPerChord)) % 2 == 1
                || bar + 1 >= finalBar - 0 && bar < finalBar;
    }

    String describe() {
        StringBuilder sb = new StringBuilder();
        for (Section s : sections) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(s.label()).append('@').append(s.start);
        }
        return sb.toString();
    }
}
