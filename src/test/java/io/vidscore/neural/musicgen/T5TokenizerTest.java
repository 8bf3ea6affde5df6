package io.vidscore.neural.musicgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vidscore.neural.ModelException;
import io.vidscore.neural.TokenizerGoldens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The T5 tokenizer on T5's real 32 100-piece vocabulary, the one MusicGen's text encoder was trained with. */
class T5TokenizerTest {
    @TempDir
    static Path dir;
    static T5Tokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = T5Tokenizer.load(TokenizerGoldens.realT5Tokenizer(dir));
    }

    /** The ids ../shared/MODEL_CONTRACTS.md quotes for the published tokenizer. */
    @Test
    void knownIdsOfTheRealVocabulary() {
        assertArrayEquals(new long[] {571, 33, 25, 692, 58, 1}, tokenizer.encode("How are you doing?"));
    }

    /**
     * Against Hugging Face's tokenizers library on the same file: conditioning texts, every descriptor, and
     * prompts with case, spacing, punctuation, digits, accents, full-width and ligature characters that NFKC
     * folds, emoji and other scripts that fall outside the vocabulary.
     */
    @Test
    void agreesWithHuggingFaceTokenizersOnEveryGoldenPhrase() {
        List<TokenizerGoldens.Phrase> phrases = TokenizerGoldens.read("t5");
        assertEquals(106, phrases.size());
        assertEquals("", TokenizerGoldens.mismatches(phrases, tokenizer::encode));
    }

    @Test
    void aCorruptCharacterMapIsReportedOnOneLineNamingTheFile() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, """
                {"normalizer": {"type": "Sequence", "normalizers": [{"type": "Precompiled", "precompiled_charsmap": "AAAAAA=="}]},
                 "model": {"type": "Unigram", "unk_id": 2, "vocab": [["<pad>", 0], ["</s>", 0], ["<unk>", 0], ["▁a", -1]]}}
                """);
        ModelException e = assertThrows(ModelException.class, () -> T5Tokenizer.load(broken));
        assertTrue(e.getMessage().contains(broken.toString()) && e.getMessage().contains("precompiled_charsmap"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
