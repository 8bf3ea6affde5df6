package io.vidscore.music;

/**
 * One note or drum hit, in output frames.
 *
 * @param part        instrument
 * @param startFrame  first frame of the note
 * @param gateFrames  how long the key is held (drums ignore it: they ring out by themselves)
 * @param midi        pitch (drums ignore it)
 * @param velocity    0..1
 * @param pan         −1 left .. +1 right
 * @param noiseSeed   seed of the voice's noise source, so every hit differs yet renders reproducibly
 */
record NoteEvent(Part part, long startFrame, long gateFrames, int midi, double velocity, double pan, long noiseSeed) {
}
