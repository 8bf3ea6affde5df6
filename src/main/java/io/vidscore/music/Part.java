package io.vidscore.music;

/**
 * The instruments of the built-in band. Drums share one MIDI track on channel 10 and are written with
 * their General MIDI percussion key; every other part gets its own track, named, with the GM program
 * that best approximates the synthesized sound.
 */
enum Part {
    KICK(36), SNARE(38), RIM(37), CLAP(39), CLOSED_HAT(42), OPEN_HAT(46), CRASH(49), SHAKER(70), TOM(45), BOOM(35),
    SYNTH_BASS("Synth Bass", 38),
    ELECTRIC_BASS("Electric Bass", 33),
    UPRIGHT_BASS("Upright Bass", 32),
    CONTRABASS("Contrabass", 43),
    PAD("Synth Pad", 89),
    STRINGS("Strings", 48),
    EPIANO("Electric Piano", 4),
    GUITAR("Acoustic Guitar", 25),
    NYLON("Nylon Guitar", 24),
    PIZZICATO("Pizzicato Strings", 45),
    PLUCK("Pluck Lead", 84),
    ARP("Saw Arp", 81),
    CELESTA("Celesta", 8),
    VIBES("Vibraphone", 11),
    RISER("Riser", 119);

    /** GM percussion key for drums, −1 for pitched parts. */
    final int drumKey;
    /** MIDI track name (pitched parts). */
    final String trackName;
    /** 0-based GM program (pitched parts). */
    final int program;

    Part(int drumKey) {
        this.drumKey = drumKey;
        this.trackName = "Drums";
        this.program = 0;
    }

    Part(String trackName, int program) {
        this.drumKey = -1;
        this.trackName = trackName;
        this.program = program;
    }

    boolean isDrum() {
        return drumKey >= 0;
    }
}
