package io.vidscore.music;

import java.util.EnumMap;
import java.util.Map;

/**
 * The instruments of one style, each with its own voice pool, and the reverb they share.
 *
 * <p>Pumping (electronic): the pad, bass and arp render into a side bus whose gain drops by
 * {@value #DUCK_DEPTH} at each kick and recovers over about half a beat — the sidechain-compressor sound,
 * made with an envelope instead of a compressor so that it is exact and cheap.
 */
final class Band {
    private static final double DUCK_DEPTH = 0.7;
    private static final double DUCK_S = 0.28;
    private final Map<Part, VoicePool> pools = new EnumMap<>(Part.class);
    private final Map<Part, Boolean> ducked = new EnumMap<>(Part.class);
    private final Reverb reverb = new Reverb();
    private final Mix side;
    private final float[] duck;
    private final int duckFrames = (int) Math.round(DUCK_S * Dsp.SR);
    private long sinceKick = Long.MAX_VALUE / 2;
    private final int[] kickOffsets = new int[64];
    private int kicks;
    private final double reverbWet;

    /** Brightness opens the filters; saturation hardens the plucks. */
    Band(Style style, double brightness, double saturation, int blockFrames) {
        double b = Math.max(0, Math.min(1, brightness));
        double s = Math.max(0, Math.min(1, saturation));
        boolean punchy = style == Style.ELECTRONIC;
        double softness = style == Style.LOFI ? 1 : 0.3;
        for (Part part : style.parts) {
            VoicePool pool = switch (part) {
                case KICK, TOM, BOOM -> new VoicePool(() -> new KickVoice(punchy), 5);
                case SNARE, RIM, CLAP -> new VoicePool(() -> new SnareVoice(softness), 6);
                case CLOSED_HAT, OPEN_HAT, CRASH, SHAKER -> new VoicePool(CymbalVoice::new, part == Part.CRASH ? 3 : 8);
                case RISER -> new VoicePool(RiserVoice::new, 2);
                case SYNTH_BASS -> new VoicePool(() -> new SynthVoice(
                        style == Style.ELECTRONIC ? SynthVoice.synthBass(b) : SynthVoice.subBass()), 3);
                case ELECTRIC_BASS -> new VoicePool(() -> new SynthVoice(SynthVoice.fingerBass(b)), 3);
                case UPRIGHT_BASS -> new VoicePool(() -> new SynthVoice(SynthVoice.uprightBass()), 3);
                case ARP -> new VoicePool(() -> new SynthVoice(SynthVoice.arp(b)), 6);
                case CONTRABASS -> new VoicePool(() -> new PadVoice(PadVoice.contrabass()), 3);
                case PAD -> new VoicePool(() -> new PadVoice(PadVoice.pad(b)), 12);
                case STRINGS -> new VoicePool(() -> new PadVoice(PadVoice.strings(b)), 12);
                case EPIANO, VIBES, CELESTA -> new VoicePool(() -> new FmVoice(b), part == Part.EPIANO ? 12 : 6);
                case GUITAR -> new VoicePool(() -> new PluckVoice(PluckVoice.guitar(s)), 14);
                case NYLON -> new VoicePool(() -> new PluckVoice(PluckVoice.nylon()), 6);
                case PIZZICATO -> new VoicePool(() -> new PluckVoice(PluckVoice.pizzicato()), 6);
                case PLUCK -> new VoicePool(() -> new PluckVoice(PluckVoice.lead(s)), 8);
            };
            pools.put(part, pool);
            ducked.put(part, style.pumping && (part == Part.PAD || part == Part.SYNTH_BASS || part == Part.ARP));
        }
        side = new Mix(blockFrames);
        duck = new float[blockFrames];
        reverbWet = style == Style.CINEMATIC || style == Style.AMBIENT ? 1.5 : 1.0;
    }

    void play(NoteEvent event, int offsetInBlock) {
        VoicePool pool = pools.get(event.part());
        if (pool == null) {
            throw new IllegalStateException("no " + event.part() + " in this band");
        }
        if (event.part() == Part.KICK && kicks < kickOffsets.length) {
            kickOffsets[kicks++] = offsetInBlock;
        }
        pool.trigger(event, offsetInBlock);
    }

    void render(Mix mix, int frames) {
        mix.clear(frames);
        side.clear(frames);
        boolean anyDucked = false;
        for (Map.Entry<Part, VoicePool> e : pools.entrySet()) {
            boolean d = ducked.get(e.getKey());
            anyDucked |= d;
            e.getValue().render(d ? side : mix, frames);
        }
        if (anyDucked) {
            int k = 0;
            for (int i = 0; i < frames; i++) {
                while (k < kicks && kickOffsets[k] <= i) {
                    if (kickOffsets[k] == i) {
                        sinceKick = 0;
                    }
                    k++;
                }
                double x = Math.min(1, (double) sinceKick++ / duckFrames);
                double g = 1 - DUCK_DEPTH * (1 - x) * (1 - x);
                mix.left[i] += (float) (side.left[i] * g);
                mix.right[i] += (float) (side.right[i] * g);
                mix.send[i] += (float) (side.send[i] * g);
            }
        }
        kicks = 0;
        reverb.process(mix, frames, reverbWet);
    }
}
