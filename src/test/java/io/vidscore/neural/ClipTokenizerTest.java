package io.vidscore.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClipTokenizerTest {
    static ClipTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = ClipTokenizer.load(ClipFixtures.FOLDER.require(ModelFolder.CLIP, ClipTextEncoder.TOKENIZER));
    }

    /**
     * Ids published by others for the real openai/clip-vit-base-patch32 tokenizer: Bumblebee's test
     * (github.com/elixir-nx/bumblebee, test/bumblebee/text/clip_tokenizer_test.exs) for the first two; the
     * output of OpenAI's clip.tokenize quoted in nishio/external_brain_in_markdown (pages/CLIP.md) for the others.
     */
    @Test
    void knownIdsOfTheRealVocabulary() {
        assertArrayEquals(new int[] {49406, 320, 1125, 539, 320, 2368, 49407}, tokenizer.encode("a photo of a cat"));
        assertArrayEquals(new int[] {49406, 320, 1125, 539, 320, 1929, 49407}, tokenizer.encode("a photo of a dog"));
        assertArrayEquals(new int[] {49406, 320, 3086, 539, 320, 2368, 49407}, tokenizer.encode("a painting of a cat"));
        assertArrayEquals(new int[] {49406, 647, 4091, 786, 49407}, tokenizer.encode("bozuman"));
    }

    /** Against the reference tokenizer of the fixture script (OpenAI's algorithm in Python), incl. case, spaces, punctuation, digits. */
    @Test
    void agreesWithTheReferenceImplementationOnTheGoldenPhrases() throws Exception {
        JsonNode golden = new ObjectMapper().readTree(Files.readAllBytes(ClipFixtures.GOLDEN.resolve("text.json")));
        for (JsonNode p : golden.get("phrases")) {
            int[] expected = new int[p.get("ids").size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = p.get("ids").get(i).asInt();
            }
            assertArrayEquals(expected, tokenizer.encode(p.get("text").asText()), p.get("text").asText());
        }
    }

    /**
     * Against Hugging Face's tokenizers library running the published tokenizer.json pipeline on the same
     * vocabulary (models/fixtures/make_tokenizer_goldens.py): conditioning texts, every descriptor, and prompts
     * with accents, compatibility characters, emoji and other scripts.
     */
    @Test
    void agreesWithHuggingFaceTokenizersOnEveryGoldenPhrase() {
        List<TokenizerGoldens.Phrase> phrases = TokenizerGoldens.read("clip");
        assertEquals(106, phrases.size());
        assertEquals("", TokenizerGoldens.mismatches(phrases,
                text -> Arrays.stream(tokenizer.encode(text)).asLongStream().toArray()));
    }

    @Test
    void longTextsAreCutTo77IdsEndingWithTheEndToken() {
        int[] ids = tokenizer.encode("cat ".repeat(200));
        assertEquals(77, ids.length);
        assertEquals(ClipTokenizer.START, ids[0]);
        assertEquals(2368, ids[75]);
        assertEquals(ClipTokenizer.END, ids[76]);
    }

    @Test
    void paddedRowsAreFilledWithTheEndToken() {
        long[] rows = tokenizer.encodePadded(List.of("a cat", "bozuman"));
        assertEquals(2 * 77, rows.length);
        assertEquals(2368, rows[2]);
        assertEquals(ClipTokenizer.END, rows[3]);
        assertEquals(ClipTokenizer.END, rows[76]);
        assertEquals(647, rows[77 + 1]);
    }
}
