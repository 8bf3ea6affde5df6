package io.vidscore.neural.musicgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vidscore.neural.ModelException;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * T5's tokenizer: SentencePiece Unigram read from a Hugging Face {@code tokenizer.json} ({@code model.type}
 * "Unigram", {@code model.vocab} as [piece, log-probability] pairs, {@code model.unk_id}).
 *
 * <p>Text is normalised by the file's own {@code Precompiled} normaliser ({@link PrecompiledCharsMap}; for T5
 * {@code nmt_nfkc}), or by plain NFKC when the file has none, then split at whitespace runs;
 * each word gets the Metaspace prefix U+2581 and is segmented by Viterbi search for the highest total score.
 * A character no piece covers scores {@code min_score − 10} as {@code <unk>} and consecutive unknowns fuse
 * into one, as in the tokenizers library. {@code </s>} (id 1) is appended; there is no BOS. Special tokens
 * (the ids below 3 and {@code added_tokens}) are never produced from text.
 */
public final class T5Tokenizer {
    static final String SPACE = "\u2581";
    private static final double UNK_PENALTY = 10;

    private final Map<String, Integer> ids = new HashMap<>();
    private final double[] scores;
    private final int unkId;
    private final int eosId;
    private final int maxPieceLength;
    private final double unkScore;
    private final PrecompiledCharsMap charsMap;

    private T5Tokenizer(JsonNode json, Path source) {
        JsonNode model = json.path("model");
        if (!"Unigram".equals(model.path("type").asText())) {
            throw new ModelException(source + " is not a Unigram tokenizer (model.type = "
                    + model.path("type").asText("missing") + ")");
        }
        JsonNode vocab = model.path("vocab");
        scores = new double[vocab.size()];
        java.util.Set<String> special = new java.util.HashSet<>();
        json.path("added_tokens").forEach(t -> special.add(t.path("content").asText()));
        double min = Double.POSITIVE_INFINITY;
        int longest = 1;
        int eos = -1;
        for (int i = 0; i < vocab.size(); i++) {
            String piece = vocab.get(i).get(0).asText();
            scores[i] = vocab.get(i).get(1).asDouble();
            if ("</s>".equals(piece)) {
                eos = i;
            }
            if (special.contains(piece) || piece.startsWith("<") && piece.endsWith(">") && i < 3) {
                continue;
            }
            ids.putIfAbsent(piece, i);
            min = Math.min(min, scores[i]);
            longest = Math.max(longest, piece.codePointCount(0, piece.length()));
        }
        if (eos < 0) {
            throw new ModelException(source + " has no </s> token");
        }
        eosId = eos;
        unkId = model.path("unk_id").asInt(2);
        unkScore = min - UNK_PENALTY;
        maxPieceLength = longest;
        charsMap = charsMap(json.path("normalizer"), source);
    }

    /** The {@code Precompiled} normaliser, alone or inside a {@code Sequence}; null when there is none. */
    private static PrecompiledCharsMap charsMap(JsonNode normalizer, Path source) {
        if ("Precompiled".equals(normalizer.path("type").asText())) {
            try {
                return PrecompiledCharsMap.parse(normalizer.path("precompiled_charsmap").asText());
            } catch (IllegalArgumentException e) {
                throw new ModelException(source + ": unreadable precompiled_charsmap (" + e.getMessage() + ")", e);
            }
        }
        for (JsonNode inner : normalizer.path("normalizers")) {
            PrecompiledCharsMap found = charsMap(inner, source);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    public static T5Tokenizer load(Path tokenizerJson) {
        try {
            return new T5Tokenizer(new ObjectMapper().readTree(tokenizerJson.toFile()), tokenizerJson);
        } catch (IOException e) {
            throw new ModelException("cannot read tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
        }
    }

    /** Token ids of {@code text} followed by {@code </s>}. */
    public long[] encode(String text) {
        List<Integer> out = new ArrayList<>();
        String normalised = (charsMap != null ? charsMap.normalize(text)
                : Normalizer.normalize(text, Normalizer.Form.NFKC)).strip();
        for (String word : normalised.split("(?U)\\s+")) {
            if (!word.isEmpty()) {
                segment(SPACE + word, out);
            }
        }
        out.add(eosId);
        return out.stream().mapToLong(Integer::longValue).toArray();
    }

    /** Viterbi over code points: best[end] is the best score of a segmentation of the first {@code end}. */
    private void segment(String word, List<Integer> out) {
        int[] cps = word.codePoints().toArray();
        int n = cps.length;
        double[] best = new double[n + 1];
        int[] from = new int[n + 1];
        int[] token = new int[n + 1];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        best[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = Math.max(0, end - maxPieceLength); start < end; start++) {
                if (best[start] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                Integer id = ids.get(new String(cps, start, end - start));
                double candidate;
                int tok;
                if (id != null) {
                    candidate = best[start] + scores[id];
                    tok = id;
                } else if (end - start == 1) {
                    candidate = best[start] + unkScore;
                    tok = unkId;
                } else {
                    continue;
                }
                if (candidate > best[end]) {
                    best[end] = candidate;
                    from[end] = start;
                    token[end] = tok;
                }
            }
        }
        int mark = out.size();
        for (int pos = n; pos > 0; pos = from[pos]) {
            out.add(mark, token[pos]);
        }
        // fuse runs of unknowns into one <unk>
        for (int i = Math.max(1, mark); i < out.size(); i++) {
            if (out.get(i) == unkId && out.get(i - 1) == unkId) {
                out.remove(i--);
            }
        }
    }
}
