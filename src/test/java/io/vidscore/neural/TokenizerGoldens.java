package io.vidscore.neural;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * Token ids computed by Hugging Face's tokenizers library on the real vocabularies
 * (models/fixtures/make_tokenizer_goldens.py), and a check that lists every phrase a tokenizer gets wrong.
 */
public final class TokenizerGoldens {
    public static final Path DIR = Path.of("models/fixtures/tokenizer-golden");

    public record Phrase(String text, long[] ids) {
    }

    private TokenizerGoldens() {
    }

    public static List<Phrase> read(String name) {
        try {
            JsonNode json = new ObjectMapper().readTree(DIR.resolve(name + ".json").toFile());
            List<Phrase> phrases = new ArrayList<>();
            for (JsonNode p : json.get("phrases")) {
                long[] ids = new long[p.get("ids").size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = p.get("ids").get(i).asLong();
                }
                phrases.add(new Phrase(p.get("text").asText(), ids));
            }
            return phrases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The committed real T5 tokenizer.json, unpacked into {@code dir}. */
    public static Path realT5Tokenizer(Path dir) {
        Path out = dir.resolve("tokenizer.json");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(DIR.resolve("t5-tokenizer.json.gz")))) {
            Files.copy(in, out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "" when {@code encode} gives every golden phrase its ids, else one line per phrase it gets wrong. */
    public static String mismatches(List<Phrase> phrases, Function<String, long[]> encode) {
        StringBuilder wrong = new StringBuilder();
        for (Phrase p : phrases) {
            long[] got = encode.apply(p.text());
            if (!Arrays.equals(p.ids(), got)) {
                wrong.append('\n').append('"').append(p.text()).append("\": expected ")
                        .append(Arrays.toString(p.ids())).append(", got ").append(Arrays.toString(got));
            }
        }
        return wrong.toString();
    }
}
