package io.vidscore.music;

/** The instruments, each with its own voice pool, and the reverb they share. */
final class Band {
    // Sized for 180 BPM with sixteenth hats and fills, so voices are practically never stolen mid-note.
    private final VoicePool kick = new VoicePool(KickVoice::new, 5);
    private final VoicePool snare = new VoicePool(SnareVoice::new, 6);
    private final VoicePool cymbals = new VoicePool(CymbalVoice::new, 10);
    private final VoicePool bass;
    private final VoicePool pad;
    private final VoicePool lead;
    private final Reverb reverb = new Reverb();

    /** Brightness opens the bass and pad filters; saturation hardens the plucks. */
    Band(double brightness, double saturation) {
        double b = Math.max(0, Math.min(1, brightness));
        double s = Math.max(0, Math.min(1, saturation));
        bass = new VoicePool(() -> new BassVoice(b), 4);
        pad = new VoicePool(() -> new PadVoice(900 + 2200 * b), 15);
        lead = new VoicePool(() -> new PluckVoice(s), 10);
    }

    void play(NoteEvent event, int offsetInBlock) {
        VoicePool pool = switch (event.part()) {
            case KICK -> kick;
            case SNARE -> snare;
            case CLOSED_HAT, OPEN_HAT, CRASH -> cymbals;
            case BASS -> bass;
            case PAD -> pad;
            case LEAD -> lead;
        };
        pool.trigger(event, offsetInBlock);
    }

    void render(Mix mix, int frames) {
        mix.clear(frames);
        kick.render(mix, frames);
        snare.render(mix, frames);
        cymbals.render(mix, frames);
        bass.render(mix, frames);
        pad.render(mix, frames);
        lead.render(mix, frames);
        reverb.process(mix, frames, 1.0);
    }
}
