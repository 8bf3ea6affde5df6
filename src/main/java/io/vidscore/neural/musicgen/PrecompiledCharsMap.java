package io.vidscore.neural.musicgen;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SentencePiece's "precompiled" normaliser: the {@code precompiled_charsmap} of a tokenizer.json's
 * {@code Precompiled} normaliser, applied the way Hugging Face's tokenizers library applies it.
 *
 * <p>The blob is a little-endian {@code uint32} byte length, a Darts-clone double-array trie of that many bytes
 * keyed on UTF-8 sequences, then a pool of NUL-terminated replacement strings the trie's values point into.
 * For T5 it is {@code nmt_nfkc}: NFKC plus what NFKC leaves alone that a model should not see — zero-width
 * characters, the BOM, soft hyphens and most control characters are deleted, unusual spaces become a space.
 * Plain {@link java.text.Normalizer} NFKC keeps those, and each one then costs an {@code <unk>} that the
 * published tokenizer never produces.
 *
 * <p>Text is walked grapheme by grapheme: a cluster shorter than 6 UTF-8 bytes is looked up whole, and when it
 * has no entry (or is longer) each of its characters is looked up alone and kept as it is when it has none.
 * That is the library's rule, replacement taken from the first (shortest) key that prefixes the chunk.
 */
final class PrecompiledCharsMap {
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private final int[] trie;
    private final byte[] pool;

    private PrecompiledCharsMap(int[] trie, byte[] pool) {
        this.trie = trie;
        this.pool = pool;
    }

    /** Parses the base64 {@code precompiled_charsmap}; throws IllegalArgumentException on a malformed blob. */
    static PrecompiledCharsMap parse(String base64) {
        ByteBuffer blob = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        if (blob.remaining() < 4) {
            throw new IllegalArgumentException("precompiled_charsmap is too short");
        }
        int trieBytes = blob.getInt();
        if (trieBytes < 4 || trieBytes % 4 != 0 || trieBytes > blob.remaining()) {
            throw new IllegalArgumentException("precompiled_charsmap declares a trie of " + trieBytes
                    + " bytes in a blob of " + blob.capacity());
        }
        int[] trie = new int[trieBytes / 4];
        blob.asIntBuffer().get(trie);
        blob.position(4 + trieBytes);
        byte[] pool = new byte[blob.remaining()];
        blob.get(pool);
        return new PrecompiledCharsMap(trie, pool);
    }

    String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        Matcher graphemes = GRAPHEME.matcher(text);
        while (graphemes.find()) {
            String grapheme = graphemes.group();
            byte[] utf8 = grapheme.getBytes(StandardCharsets.UTF_8);
            if (utf8.length < 6) {
                String whole = replacement(utf8);
                if (whole != null) {
                    out.append(whole);
                    continue;
                }
            }
            grapheme.codePoints().forEach(cp -> {
                String one = replacement(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                if (one != null) {
                    out.append(one);
                } else {
                    out.appendCodePoint(cp);
                }
            });
        }
        return out.toString();
    }

    /** The replacement for the shortest key that prefixes {@code key}, or null when none does. */
    private String replacement(byte[] key) {
        int value = firstPrefixValue(key);
        if (value < 0) {
            return null;
        }
        int end = value;
        while (end < pool.length && pool[end] != 0) {
            end++;
        }
        return new String(pool, value, end - value, StandardCharsets.UTF_8);
    }

    /** Darts-clone common-prefix search, stopped at the first hit; -1 when no prefix of {@code key} is a key. */
    private int firstPrefixValue(byte[] key) {
        int pos = 0;
        int unit = trie[pos];
        pos ^= offset(unit);
        for (byte b : key) {
            int label = b & 0xFF;
            if (label == 0) {
                break;
            }
            pos ^= label;
            if (pos < 0 || pos >= trie.length) {
                return -1;
            }
            unit = trie[pos];
            if ((unit & ((1 << 31) | 0xFF)) != label) {
                return -1;
            }
            pos ^= offset(unit);
            if (((unit >>> 8) & 1) == 1) {
                return trie[pos] & 0x7FFFFFFF;
            }
        }
        return -1;
    }

    private static int offset(int unit) {
        return (unit >>> 10) << ((unit & (1 << 9)) >>> 6);
    }
}
