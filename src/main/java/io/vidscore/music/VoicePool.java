package io.vidscore.music;

import java.util.function.Supplier;

/** Fixed polyphony for one instrument: a new note takes a free voice, or else the oldest one. */
final class VoicePool {
    private final Voice[] voices;

    VoicePool(Supplier<Voice> factory, int polyphony) {
        voices = new Voice[polyphony];
        for (int i = 0; i < polyphony; i++) {
            voices[i] = factory.get();
        }
    }

    void trigger(NoteEvent event, int offsetInBlock) {
        Voice chosen = null;
        for (Voice v : voices) {
            if (!v.active) {
                chosen = v;
                break;
            }
            if (chosen == null || v.startFrame < chosen.startFrame) {
                chosen = v;
            }
        }
        chosen.start(event, offsetInBlock);
    }

    void render(Mix mix, int frames) {
        for (Voice v : voices) {
            if (v.active) {
                v.render(mix, frames);
            }
        }
    }
}
