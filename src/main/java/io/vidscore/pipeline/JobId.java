package io.vidscore.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A job is one version of one object: the same upload delivered twice maps to the same job (so its
 * outputs are found and not recomputed), and a new upload under the same key to a new one.
 */
public final class JobId {
    private JobId() {
    }

    /** @param version the object's version id when the store has one, else its ETag */
    public static String of(String bucket, String key, String version) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {bucket, key, version == null ? "" : version}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0); // separator: ("ab","c") and ("a","bc") must differ
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
