package io.vidscore.pipeline;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides where every object lives in the bucket.
 *
 * <pre>
 * incoming/&lt;name&gt;                  user uploads (never modified or deleted)
 * jobs/&lt;jobId&gt;/NNNN.frames.npy     sampled RGB frames, uint8 [n,224,224,3]       (extract-frames)
 * jobs/&lt;jobId&gt;/analysis.json       dense low-level analysis                      (extract-frames)
 * jobs/&lt;jobId&gt;/manifest.json       job manifest, written last by extract-frames  (extract-frames)
 * jobs/&lt;jobId&gt;/NNNN.clip.npy       CLIP image embeddings, float32 [n,512], written before the
 *                                   chunk's features (only with --models holding CLIP)     (encode-video)
 * jobs/&lt;jobId&gt;/NNNN.features.npy   per-frame embeddings, float32 [n,d]: the chunk's completion mark (encode-video)
 * soundtracks/&lt;stem&gt;.wav           the music                                     (generate-music)
 * soundtracks/&lt;stem&gt;.mid           the same music as MIDI, one track per instrument (note engines)
 * scored/&lt;stem&gt;.mp4                original video stream + the music             (generate-music)
 * reports/&lt;stem&gt;.png               the timeline plot: onsets, visual and music beats, cuts (generate-music)
 * reports/&lt;stem&gt;.json              the report, written last: the job's completion mark
 * failed/&lt;name&gt;.json               why &lt;name&gt; could not be scored
 * </pre>
 * {@code <name>} is the key below incoming/ (it may contain '/'); {@code <stem>} is that name without its extension.
 */
public final class BucketLayout {
    public static final String INCOMING = "incoming/";
    public static final String JOBS = "jobs/";
    public static final String SOUNDTRACKS = "soundtracks/";
    public static final String SCORED = "scored/";
    public static final String REPORTS = "reports/";
    public static final String FAILED = "failed/";
    public static final String LIBRARY = "library/";

    // Chunk kinds are told apart by suffix because S3 notification filters match only prefix and suffix.
    private static final Pattern JOB_KEY = Pattern.compile("jobs/([0-9a-f]{16,64})/(\\d{4,})\\.(frames|features)\\.npy|jobs/([0-9a-f]{16,64})/(manifest)\\.json");
    public static final String FRAMES_SUFFIX = ".frames.npy";
    public static final String FEATURES_SUFFIX = ".features.npy";
    public static final String MANIFEST_SUFFIX = "/manifest.json";
    /** CLIP embeddings of a chunk: triggers nothing (generate-music counts features files), read by generate-music. */
    public static final String CLIP_SUFFIX = ".clip.npy";

    private BucketLayout() {
    }

    /** What a key under jobs/ is, parsed. {@code chunk} is -1 for the manifest. */
    public record JobObject(String jobId, Kind kind, int chunk) {
        public enum Kind { FRAMES, FEATURES, MANIFEST }
    }

    public static Optional<JobObject> parseJobKey(String key) {
        Matcher m = JOB_KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(4) != null) {
            return Optional.of(new JobObject(m.group(4), JobObject.Kind.MANIFEST, -1));
        }
        JobObject.Kind kind = m.group(3).equals("frames") ? JobObject.Kind.FRAMES : JobObject.Kind.FEATURES;
        return Optional.of(new JobObject(m.group(1), kind, Integer.parseInt(m.group(2))));
    }

    /** True for keys a user dropped to be scored; hidden and temporary names are not inputs. */
    public static boolean isIncoming(String key) {
        if (!key.startsWith(INCOMING) || key.endsWith("/")) {
            return false;
        }
        String base = baseName(key);
        return !base.startsWith(".") && !base.endsWith(".part") && !base.endsWith(".tmp");
    }

    /** The name below incoming/ ("clips/a b.mp4" for "incoming/clips/a b.mp4"). */
    public static String nameOf(String incomingKey) {
        if (!incomingKey.startsWith(INCOMING)) {
            throw new IllegalArgumentException("not an incoming key: " + incomingKey);
        }
        return incomingKey.substring(INCOMING.length());
    }

    /** The name without its extension: outputs are named after it. */
    public static String stemOf(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(0, dot) : name;
    }

    public static String baseName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    public static String incoming(String name) {
        return INCOMING + name;
    }

    public static String jobPrefix(String jobId) {
        return JOBS + jobId + "/";
    }

    public static String frames(String jobId, int chunk) {
        return jobPrefix(jobId) + String.format("%04d", chunk) + FRAMES_SUFFIX;
    }

    public static String features(String jobId, int chunk) {
        return jobPrefix(jobId) + String.format("%04d", chunk) + FEATURES_SUFFIX;
    }

    public static String clip(String jobId, int chunk) {
        return jobPrefix(jobId) + String.format("%04d", chunk) + CLIP_SUFFIX;
    }

    public static String manifest(String jobId) {
        return jobPrefix(jobId) + "manifest.json";
    }

    public static String analysis(String jobId) {
        return jobPrefix(jobId) + "analysis.json";
    }

    public static String soundtrack(String stem) {
        return SOUNDTRACKS + stem + ".wav";
    }

    public static String midi(String stem) {
        return SOUNDTRACKS + stem + ".mid";
    }

    public static String scored(String stem) {
        return SCORED + stem + ".mp4";
    }

    public static String plot(String stem) {
        return REPORTS + stem + ".png";
    }

    public static String report(String stem) {
        return REPORTS + stem + ".json";
    }

    public static String failed(String name) {
        return FAILED + name + ".json";
    }
}
