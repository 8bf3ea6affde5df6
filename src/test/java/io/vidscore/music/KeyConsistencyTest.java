package io.vidscore.music;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rendered audio is heard in the key the composer meant: for every style, in major and minor keys on
 * several tonics and with different seeds, the key that {@link Chroma} (Krumhansl–Schmuckler over the whole
 * render) ranks first is the intended key. Agreement is exact, with one stated allowance: the relative
 * major/minor ranked first also counts (it has the same notes; what tells them apart is which chord the music
 * rests on, which a pitch-class profile over the whole piece sees only weakly).
 *
 * <p>Measured over 320 renders (5 styles × 8 keys × seeds 1–8, not the seeds used here): with V7 cadences and a
 * root–octave acoustic bass but before the intro on the tonic, the tonic-first main theme and the lofi bank
 * with a tonic in every progression, 12 missed (the dominant or subdominant key came first: short pieces
 * whose first section opened on iv or ii); after them, none.
 */
class KeyConsistencyTest {
    private static final String[] KEYS = {"D minor", "Eb major", "A minor", "G major", "F# minor", "C major"};

    @Test
    void everyStyleIsHeardInItsIntendedKey() {
        ComposerEngine engine = new ComposerEngine();
        List<String> misses = new ArrayList<>();
        int k = 0;
        for (String style : ComposerEngine.STYLES) {
            for (int i = 0; i < 4; i++) {
                String key = KEYS[k++ % KEYS.length];
                long seed = 20 + k;
                MusicRequest request = StylesTest.request(style, seed)
                        .withOverrides(new MusicRequest.Overrides(style, null, key));
                CaptureSink capture = new CaptureSink();
                engine.render(request, capture);
                String[] ranked = Chroma.rank(Chroma.chroma(capture.samples()));
                boolean exact = ranked[0].equals(key);
                boolean relative = ranked[0].equals(Chroma.relative(key));
                System.out.printf("%-10s %-9s seed %d: heard %s, then %s%s%n", style, key, seed, ranked[0], ranked[1],
                        exact ? "" : relative ? "  (relative)" : "  MISS");
                if (!exact && !relative) {
                    misses.add(style + " in " + key + " (seed " + seed + ") heard as " + Arrays.toString(
                            Arrays.copyOf(ranked, 3)));
                }
            }
        }
        assertTrue(misses.isEmpty(), "not heard in the intended key: " + misses);
    }
}
