package io.vidscore.neural;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CLIP's byte-level BPE tokenizer, read from the model folder's {@code tokenizer.json} (Hugging Face format:
 * {@code model.vocab} and {@code model.merges}). The algorithm is OpenAI's SimpleTokenizer as the fast
 * tokenizer runs it: NFC, whitespace runs collapsed to one space, lower case, the pre-tokenising regex, bytes
 * mapped to printable characters, {@code </w>} on each word's last symbol, merges by rank; then
 * {@code <|startoftext|>} … {@code <|endoftext|>}, at most 77 ids. (OpenAI's original also runs ftfy and
 * HTML unescaping; the fast tokenizer does not, nor does this.)
 */
public final class ClipTokenizer {
    public static final int START = 49406;
    public static final int END = 49407;
    public static final int CONTEXT = 77;
    private static final String END_OF_WORD = "</w>";
    // As OpenAI's pattern: contractions, runs of letters, single digits, runs of anything else but spaces.
    private static final Pattern PRE_TOKENS = Pattern.compile(
            "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|\\p{L}+|\\p{N}|[^\\s\\p{L}\\p{N}]+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final String[] BYTE_CHARS = byteChars();

    private final Map<String, Integer> vocab;
    private final Map<String, Integer> mergeRanks;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    private ClipTokenizer(Map<String, Integer> vocab, Map<String, Integer> mergeRanks) {
        this.vocab = vocab;
        this.mergeRanks = mergeRanks;
    }

    public static ClipTokenizer load(Path tokenizerJson) {
        try (InputStream in = Files.newInputStream(tokenizerJson)) {
            return read(in);
        } catch (IOException | RuntimeException e) {
            throw new ModelException("tokenizer " + tokenizerJson + " cannot be read (" + e.getMessage()
                    + "): fetch it again with `" + ModelFolder.FETCH_HINT + "`", e);
        }
    }

    /** Streams the JSON: the vocabulary has 49408 entries and the merges 48894, no tree is needed for them. */
    static ClipTokenizer read(InputStream in) throws IOException {
        Map<String, Integer> vocab = new HashMap<>(1 << 17);
        Map<String, Integer> ranks = new HashMap<>(1 << 17);
        try (JsonParser p = new ObjectMapper().getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!field.equals("model")) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String m = p.currentName();
                    JsonToken t = p.nextToken();
                    if (m.equals("vocab") && t == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String token = p.currentName();
                            p.nextToken();
                            vocab.put(token, p.getIntValue());
                        }
                    } else if (m.equals("merges") && t == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            // "a b" (tokenizers < 0.20) or ["a", "b"] (newer files)
                            String pair;
                            if (p.currentToken() == JsonToken.START_ARRAY) {
                                p.nextToken();
                                String a = p.getText();
                                p.nextToken();
                                pair = a + " " + p.getText();
                                p.nextToken();
                            } else {
                                pair = p.getText();
                            }
                            ranks.put(pair, ranks.size());
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
        }
        if (vocab.get("<|startoftext|>") == null || vocab.get("<|startoftext|>") != START || vocab.get("<|endoftext|>") != END
                || ranks.isEmpty()) {
            throw new IOException("not CLIP's BPE vocabulary (start/end tokens or merges missing)");
        }
        return new ClipTokenizer(vocab, ranks);
    }

    /** The ids of {@code text}: start, the BPE tokens (truncated so the whole fits 77), end. No padding. */
    public int[] encode(String text) {
        String clean = SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").strip().toLowerCase(java.util.Locale.ROOT);
        List<Integer> ids = new ArrayList<>();
        ids.add(START);
        Matcher m = PRE_TOKENS.matcher(clean);
        while (m.find() && ids.size() < CONTEXT) {
            for (int id : word(m.group())) {
                ids.add(id);
            }
        }
        int n = Math.min(ids.size(), CONTEXT - 1);
        int[] out = new int[n + 1];
        for (int i = 0; i < n; i++) {
            out[i] = ids.get(i);
        }
        out[n] = END;
        return out;
    }

    /** {@code texts} encoded and padded with the end token to 77 columns, row after row. */
    public long[] encodePadded(List<String> texts) {
        long[] out = new long[texts.size() * CONTEXT];
        java.util.Arrays.fill(out, END);
        for (int r = 0; r < texts.size(); r++) {
            int[] ids = encode(texts.get(r));
            for (int i = 0; i < ids.length; i++) {
                out[r * CONTEXT + i] = ids[i];
            }
        }
        return out;
    }

    private int[] word(String token) {
        return cache.computeIfAbsent(token, this::bpe);
    }

    private int[] bpe(String token) {
        Integer special = token.startsWith("<|") ? vocab.get(token) : null;
        if (special != null) {
            return new int[] {special};
        }
        List<String> symbols = new ArrayList<>();
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            symbols.add(BYTE_CHARS[b & 0xff]);
        }
        int last = symbols.size() - 1;
        symbols.set(last, symbols.get(last) + END_OF_WORD);
        while (symbols.size() > 1) {
            int best = -1;
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < symbols.size(); i++) {
                Integer r = mergeRanks.get(symbols.get(i) + " " + symbols.get(i + 1));
                if (r != null && r < bestRank) {
                    bestRank = r;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            // Merge every occurrence of the best pair, left to right, as the reference does.
            String a = symbols.get(best);
            String b = symbols.get(best + 1);
            List<String> merged = new ArrayList<>(symbols.size());
            for (int i = 0; i < symbols.size(); i++) {
                if (i + 1 < symbols.size() && symbols.get(i).equals(a) && symbols.get(i + 1).equals(b)) {
                    merged.add(a + b);
                    i++;
                } else {
                    merged.add(symbols.get(i));
                }
            }
            symbols = merged;
        }
        int[] ids = new int[symbols.size()];
        for (int i = 0; i < ids.length; i++) {
            Integer id = vocab.get(symbols.get(i));
            if (id == null) {
                throw new IllegalStateException("symbol '" + symbols.get(i) + "' is not in the vocabulary");
            }
            ids[i] = id;
        }
        return ids;
    }

    /** GPT-2's reversible map from bytes to printable characters (bytes_to_unicode). */
    private static String[] byteChars() {
        String[] out = new String[256];
        int n = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            out[b] = printable ? String.valueOf((char) b) : String.valueOf((char) (256 + n++));
        }
        return out;
    }
}
