package io.vidscore.music;

import io.vidscore.audio.PcmSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The built-in composer: plans a piece in one of five styles on the video's beat grid, writes it bar by bar
 * and plays it on its own synthesizer (no samples: FM keys and mallets, Karplus–Strong strings, subtractive
 * basses, pads and strings, synthesized drums), with panning, a small reverb, bus EQ and compression
 * ({@link MasterBus}) and a limiter. The same
 * performance can be exported as a Standard MIDI File ({@link #renderMidi}).
 *
 * <p>Styles ({@link #STYLES}):
 * <ul>
 * <li>{@code cinematic} — strings swelling over a contrabass, low toms and booms, pizzicato ostinato, sparse
 *     celesta; two bars per chord, add9 colours, aeolian bVI–bVII–i cadences in minor; risers into cuts;</li>
 * <li>{@code lofi} — soft kick and snare, swung hats, Rhodes-like FM electric piano in seventh chords,
 *     finger bass with chromatic approach notes, vibraphone melody; ii–V heavy progressions;</li>
 * <li>{@code electronic} — four-on-the-floor, clap, off-beat open hats, saw bass, pad and arp pumping
 *     under the kick (sidechain-like envelope), pluck lead, risers and clap rolls into cuts;</li>
 * <li>{@code acoustic} — Karplus–Strong guitar strums (down/up patterns), shaker, rim, walking upright
 *     bass, nylon-guitar melody, tom fills;</li>
 * <li>{@code ambient} — long pads, two bars per chord, sub bass, high strings, sparse celesta, and a soft
 *     heartbeat kick and a quiet shaker on the beat, and pads that breathe with the heartbeat ({@link Band}), so the
 *     beat stays audible and trackable.</li>
 * </ul>
 *
 * <p>Style from mood and pace, unless overridden. {@code mood = 0.6·(2·brightness − 1) + 0.4·warmth};
 * {@code pace = 0.5·mean energy + 0.5·clamp((bpm − 70)/70, 0, 1)}; calm is pace < 0.35, busy ≥ 0.62:
 * <pre>
 *  mood \ pace          calm                         medium                          busy
 *  dark  (< −0.2)       ambient                      cinematic                       cinematic (electronic if mood > −0.45)
 *  neutral (−0.2..0.15) lofi (ambient if warmth < 0) lofi (acoustic if warmth ≥ 0.25) electronic
 *  bright (≥ 0.15)      acoustic (lofi if warmth < 0) acoustic                       electronic
 * </pre>
 *
 * <p>Key from mood ({@link Tonality}): major when mood ≥ 0, the tonic from brightness; or the key override.
 * Tempo: the analysed tempo, or the bpm override, whose grid keeps the beat at {@code beatOriginS}. Bar lines:
 * the downbeats fall on the beats where the request's visual accents are strongest ({@link Downbeats}); when that
 * is not the first beat, the piece opens with a pickup that plays the end of a full intro bar.
 *
 * <p>Form ({@link FormPlan}): intro, sections changing at scene cuts (fill or riser before, crash after),
 * long stretches split into 8- or 16-bar sections with returns and new material (A B A' C ...), and a final
 * cadence onto the tonic that rings out. Craft ({@link Arrangement}): voice-led chords, basses with passing
 * tones, phrase-structured melodies, humanised drums with the pulse kept on the grid.
 *
 * <p>Determinism: same request and seed, the same samples and the same MIDI bytes; the seed chooses
 * progressions, motifs, section order and humanisation. Rendering streams in {@value #BLOCK_FRAMES}-frame
 * blocks; memory does not grow with duration except for the form plan (a few bytes per bar) and the
 * returned beat list. The engine holds no state between renders and is safe to share.
 */
public final class ComposerEngine implements MusicEngine {
    public static final String NAME = "composer";
    /** The style names accepted by {@link MusicRequest.Overrides#style()}. */
    public static final List<String> STYLES = Style.IDS;
    static final int BLOCK_FRAMES = 4096;
    /** Sets the mix around −16 dBFS RMS before the limiter; measured on the test requests. */
    private static final double MASTER_GAIN = 0.5;
    private static final double MAX_FADE_S = 2.0;

    @Override
    public String name() {
        return NAME;
    }

    /** Everything decided before the first note. */
    private record Plan(Style style, Tonality key, double bpm, BeatGrid grid, Arrangement arrangement) {
    }

    private static Plan plan(MusicRequest request) {
        Objects.requireNonNull(request, "request");
        MusicRequest.Overrides o = request.overrides();
        double bpm = request.effectiveTempoBpm();
        BeatGrid beats = new BeatGrid(bpm, request.beatOriginS(), request.durationS());
        int pickup = Downbeats.pickupBeats(beats, request.accents(), request.energyRateHz());
        BeatGrid grid = new BeatGrid(bpm, request.beatOriginS(), request.durationS(), pickup);
        Tonality key = o.key() != null ? Tonality.parse(o.key()) : Tonality.fromMood(request.brightness(),
                request.warmth());
        Style style = o.style() != null ? Style.byId(o.style()) : chooseStyle(request, bpm);
        return new Plan(style, key, bpm, grid, new Arrangement(request, grid, key, style));
    }

    /** The style the mapping table gives this request (ignoring any style override). */
    public static String styleFor(MusicRequest request) {
        return chooseStyle(request, request.effectiveTempoBpm()).id();
    }

    private static Style chooseStyle(MusicRequest request, double bpm) {
        float[] energy = request.energy();
        double mean = 0.5;
        if (energy.length > 0) {
            double sum = 0;
            for (float e : energy) {
                sum += Math.max(0, Math.min(1, e));
            }
            mean = sum / energy.length;
        }
        return Style.fromMood(Tonality.mood(request.brightness(), request.warmth()), request.warmth(),
                Style.pace(mean, bpm));
    }

    @Override
    public MusicResult render(MusicRequest request, PcmSink sink) {
        Objects.requireNonNull(sink, "sink");
        Plan plan = plan(request);
        Sequencer sequencer = new Sequencer(plan.arrangement);
        Band band = new Band(plan.style, request.brightness(), request.saturation(), BLOCK_FRAMES, plan.grid.periodS);

        long total = Math.round(request.durationS() * PcmSink.SAMPLE_RATE);
        MasterBus master = new MasterBus(plan.style, MASTER_GAIN, total, Math.min(MAX_FADE_S, request.durationS() / 4));
        Mix mix = new Mix(BLOCK_FRAMES);
        float[] out = new float[BLOCK_FRAMES * PcmSink.CHANNELS];
        for (long start = 0; start < total; start += BLOCK_FRAMES) {
            int frames = (int) Math.min(BLOCK_FRAMES, total - start);
            sequencer.dispatch(band, start, frames);
            band.render(mix, frames);
            master.process(mix, start, frames, out);
            sink.write(out, frames);
        }
        return new MusicResult(NAME, plan.bpm, plan.key.name(), plan.arrangement.describe(), plan.grid.beatsInside(),
                sequencer.notesPlayed(), plan.style.id(), plan.arrangement.plan().describe(), plan.grid.downbeatsInside());
    }

    /**
     * The same performance as {@link #render} (same request and seed, the same notes at the same times) as a
     * type-1 Standard MIDI File: 480 ticks per quarter, a conductor track with tempo, 4/4 and key signature,
     * then one named track per instrument with its General MIDI program, drums on channel 10.
     */
    @Override
    public java.util.Optional<byte[]> midi(MusicRequest request) {
        return java.util.Optional.of(renderMidi(request));
    }

    public byte[] renderMidi(MusicRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeMidi(request, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@link #renderMidi} into a stream (which is left open). */
    public void writeMidi(MusicRequest request, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        Plan plan = plan(request);
        List<NoteEvent> notes = new ArrayList<>();
        for (int bar = 0; bar < plan.arrangement.barCount(); bar++) {
            plan.arrangement.writeBar(bar, notes);
        }
        notes.sort(Comparator.comparingLong(NoteEvent::startFrame)); // stable, as the sequencer plays them
        String title = "vidscore " + plan.style.id() + " in " + plan.key.name();
        MidiWriter.write(out, title, plan.grid, plan.key, plan.style.parts, notes);
    }
}
