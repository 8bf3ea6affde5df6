package io.vidscore.music;

/** The instruments of the built-in band. */
enum Part {
    KICK, SNARE, CLOSED_HAT, OPEN_HAT, CRASH, BASS, PAD, LEAD
}
