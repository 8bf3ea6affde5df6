package io.vidscore.semantics;

/**
 * One music descriptor: its category (genre, mood, …), the word that goes into the conditioning text, and
 * the sentence CLIP's text tower reads — a description of a picture that calls for that music, because CLIP
 * was trained on captions of pictures, not on names of genres.
 */
public record Descriptor(String category, String word, String clipText) {
}
