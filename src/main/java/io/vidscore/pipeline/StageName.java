package io.vidscore.pipeline;

import java.util.Optional;

/**
 * The three functions of the chain and the routing table: which object-created key triggers which function.
 * Deployments (functions/*, infra/) and the in-process dispatcher all follow this table.
 */
public enum StageName {
    /** incoming/&lt;name&gt; → decode once, analyse, write frame chunks, analysis and manifest. */
    EXTRACT_FRAMES("extract-frames"),
    /** jobs/&lt;id&gt;/NNNN.frames.npy → per-frame embeddings for that chunk. */
    ENCODE_VIDEO("encode-video"),
    /** jobs/&lt;id&gt;/NNNN.features.npy or manifest.json → once every chunk is encoded, music + outputs. */
    GENERATE_MUSIC("generate-music");

    private final String functionName;

    StageName(String functionName) {
        this.functionName = functionName;
    }

    public String functionName() {
        return functionName;
    }

    /** The routing table. Keys outside it (outputs, failures, temp files) trigger nothing. */
    public static Optional<StageName> route(String key) {
        if (BucketLayout.isIncoming(key)) {
            return Optional.of(EXTRACT_FRAMES);
        }
        return BucketLayout.parseJobKey(key).map(o -> switch (o.kind()) {
            case FRAMES -> ENCODE_VIDEO;
            case FEATURES, MANIFEST -> GENERATE_MUSIC;
        });
    }

    public static StageName byFunctionName(String name) {
        for (StageName s : values()) {
            if (s.functionName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no function named " + name);
    }
}
