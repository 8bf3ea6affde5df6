package io.vidscore.music;

import io.vidscore.audio.PcmSink;
import java.util.Objects;

/**
 * The built-in composer: writes a short pop/electronic arrangement on the video's beat grid and plays it
 * on its own synthesizer (no samples): kick, snare, hats and crash, a filtered synth bass, a detuned-saw
 * pad and a Karplus–Strong plucked lead, with panning, a small reverb and a limiter.
 *
 * <p>Mood to music:
 * <ul>
 * <li>mode — {@code mood = 0.6·(2·brightness − 1) + 0.4·warmth}: bright and/or warm (mood ≥ 0) is
 *     major, dark and/or cold is natural minor;</li>
 * <li>tonic — brightness 0..1 picks D, E, F, G or A (darker pictures, deeper key);</li>
 * <li>brightness also opens the bass and pad filters; saturation makes the plucks harder and brighter;</li>
 * <li>the seed picks one of three chord-progression families for the mode (I–vi–IV–V, I–V–vi–IV,
 *     I–IV–vi–V; i–VI–III–VII, i–iv–VII–III, i–VI–iv–VII) and the lead motif;</li>
 * <li>motion energy drives intensity bar by bar: hat density, bass rhythm, lead density, velocities;</li>
 * <li>each scene cut gets a crash on the nearest beat after a snare fill.</li>
 * </ul>
 * See {@link Arrangement} for the form (intro, cadence, ending).
 *
 * <p>Rendering streams in {@value #BLOCK_FRAMES}-frame blocks; memory does not grow with duration except
 * for the returned beat list. The engine holds no state between renders and is safe to share.
 */
public final class ComposerEngine implements MusicEngine {
    public static final String NAME = "composer";
    static final int BLOCK_FRAMES = 4096;
    /** Sets the mix around −14 dBFS RMS before the limiter; measured on the test requests. */
    private static final double MASTER_GAIN = 0.5;
    private static final double MAX_FADE_S = 2.0;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MusicResult render(MusicRequest request, PcmSink sink) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(sink, "sink");
        BeatGrid grid = new BeatGrid(request.tempoBpm(), request.beatOriginS(), request.durationS());
        Tonality tonality = Tonality.fromMood(request.brightness(), request.warmth());
        Arrangement arrangement = new Arrangement(request, grid, tonality);
        Sequencer sequencer = new Sequencer(arrangement);
        Band band = new Band(request.brightness(), request.saturation());

        long total = Math.round(request.durationS() * PcmSink.SAMPLE_RATE);
        MasterBus master = new MasterBus(MASTER_GAIN, total, Math.min(MAX_FADE_S, request.durationS() / 4));
        Mix mix = new Mix(BLOCK_FRAMES);
        float[] out = new float[BLOCK_FRAMES * PcmSink.CHANNELS];
        for (long start = 0; start < total; start += BLOCK_FRAMES) {
            int frames = (int) Math.min(BLOCK_FRAMES, total - start);
            sequencer.dispatch(band, start, frames);
            band.render(mix, frames);
            master.process(mix, start, frames, out);
            sink.write(out, frames);
        }
        return new MusicResult(NAME, request.tempoBpm(), tonality.name(), arrangement.style(), grid.beatsInside(),
                sequencer.notesPlayed());
    }
}
