package io.vidscore.music;

import java.util.EnumMap;
import java.util.Map;

/**
 * The instruments of one style, each with its own voice pool, and the reverb they share.
 *
 * <p>Pumping (electronic): the pad, bass and arp render into a side bus whose gain drops by
 * {@value #DUCK_DEPTH} at each kick and recovers over about half a beat — the sidechain-compressor sound,
 * made with an envelope instead of a compressor so that it is exact and cheap.
 *
 * <p>Breathing (ambient): pads and strings render into the side bus too, under a gate keyed to the heartbeat
 * kick: full level for the first half of each beat, then easing down by {@value #BREATH_DEPTH} towards the next
 * beat, where it opens again within {@value #BREATH_OPEN_S} s. Ambient's sustained chords otherwise fill the
 * middle of the spectrum with no onset at all, and the heartbeat and shaker alone leave too little pulse
 * for a beat tracker in a short piece; the breath makes the whole texture swell on the beat, gently.
 */
final class Band {
    private static final double DUCK_DEPTH = 0.7;
    private static final double DUCK_S = 0.28;
    private static final double BREATH_DEPTH = 0.5;
    private static final double BREATH_OPEN_S = 0.008;
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
    private final boolean breathing;
    private final double beatFrames;
    private final int openFrames = (int) Math.round(BREATH_OPEN_S * Dsp.SR);
    /** Gate gain when the last kick came, from which it opens. */
    private double openFrom = 1;
    private double gate = 1;

    /** Brightness opens the filters; saturation hardens the plucks; {@code beatS} times the ambient breath. */
    Band(Style style, double brightness, double saturation, int blockFrames, double beatS) {
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
            ducked.put(part, style.pumping && (part == Part.PAD || part == Part.SYNTH_BASS || part == Part.ARP)
                    || style == Style.AMBIENT && (part == Part.PAD || part == Part.STRINGS));
        }
        breathing = style == Style.AMBIENT;
        beatFrames = beatS * Dsp.SR;
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
                        openFrom = gate;
                    }
                    k++;
                }
                double g = breathing ? breath() : pump();
                sinceKick++;
                mix.left[i] += (float) (side.left[i] * g);
                mix.right[i] += (float) (side.right[i] * g);
                mix.send[i] += (float) (side.send[i] * g);
            }
        }
        kicks = 0;
        reverb.process(mix, frames, reverbWet);
    }

    private double pump() {
        double x = Math.min(1, (double) sinceKick / duckFrames);
        return 1 - DUCK_DEPTH * (1 - x) * (1 - x);
    }

    /** Gain of the breathing gate {@code sinceKick} frames after the last heartbeat. */
    private double breath() {
        double x = sinceKick / beatFrames;
        if (sinceKick < openFrames) {
            gate = openFrom + (1 - openFrom) * sinceKick / openFrames;
        } else if (x < 0.5) {
            gate = 1;
        } else if (x < 1) {
            // 0 at half a beat, 1 at the next beat; the table sine, since Math.cos per frame cost ambient 10 % of its speed
            double c = 0.5 - 0.5 * Dsp.sine(x - 0.25);
            gate = 1 - BREATH_DEPTH * c;
        } else {
            // No heartbeat came (the pulse has stopped for the ending): let the chord open slowly.
            gate = Math.min(1, 1 - BREATH_DEPTH + BREATH_DEPTH * (x - 1) / 0.5);
        }
        return gate;
    }
}
