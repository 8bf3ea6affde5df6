package io.vidscore.semantics;

import java.util.ArrayList;
import java.util.List;

/**
 * Zero-shot semantics of a video from CLIP embeddings: per segment, the mean of the L2-normalised frame
 * embeddings (re-normalised), its cosine with each L2-normalised descriptor embedding, and the best
 * descriptor of each category, which together make the segment's conditioning text. Pure arithmetic.
 */
public final class ZeroShot {
    private ZeroShot() {
    }

    /** A descriptor chosen for a segment and its cosine similarity. */
    public record Pick(String category, String word, double score) {
    }

    /** One segment's result: its span, how many frames it averaged, its picks and their text. */
    public record SegmentSemantics(double startS, double endS, int frames, List<Pick> picks) {
        /** e.g. "cinematic orchestral, tense, strings, low energy, slow tempo" */
        public String text() {
            return String.join(", ", picks.stream().map(Pick::word).toList());
        }
    }

    /**
     * @param frames      frame embeddings, n rows of d (any scale: they are normalised here)
     * @param timesS      the time of each frame
     * @param descriptors k descriptor embeddings of d, in {@code vocabulary} order
     */
    public static List<SegmentSemantics> describe(float[] frames, double[] timesS, float[] descriptors, DescriptorVocabulary vocabulary,
            List<Segments.Span> spans) {
        int n = timesS.length;
        int k = vocabulary.size();
        if (n == 0 || frames.length % n != 0 || descriptors.length != k * (frames.length / n)) {
            throw new IllegalArgumentException("embeddings do not line up: " + n + " frames, " + frames.length + " frame values, "
                    + k + " descriptors, " + descriptors.length + " descriptor values");
        }
        int d = frames.length / n;
        float[] text = normalisedRows(descriptors, k, d);
        float[] image = normalisedRows(frames, n, d);
        List<SegmentSemantics> out = new ArrayList<>();
        for (Segments.Span span : spans) {
            double[] mean = new double[d];
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (timesS[i] >= span.startS() && timesS[i] < span.endS()) {
                    add(mean, image, i * d);
                    count++;
                }
            }
            if (count == 0) {
                add(mean, image, nearest(timesS, (span.startS() + span.endS()) / 2) * d); // a segment shorter than the sampling step
            }
            normalise(mean);
            double[] scores = new double[k];
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    s += mean[c] * text[j * d + c];
                }
                scores[j] = s;
            }
            out.add(new SegmentSemantics(span.startS(), span.endS(), count, bestPerCategory(vocabulary, scores)));
        }
        return out;
    }

    private static List<Pick> bestPerCategory(DescriptorVocabulary vocabulary, double[] scores) {
        List<Pick> picks = new ArrayList<>();
        for (String category : vocabulary.categories()) {
            int best = -1;
            for (int j = 0; j < scores.length; j++) {
                if (vocabulary.descriptors().get(j).category().equals(category) && (best < 0 || scores[j] > scores[best])) {
                    best = j;
                }
            }
            Descriptor b = vocabulary.descriptors().get(best);
            picks.add(new Pick(category, b.word(), scores[best]));
        }
        return picks;
    }

    static float[] normalisedRows(float[] m, int rows, int d) {
        float[] out = new float[m.length];
        for (int r = 0; r < rows; r++) {
            double ss = 0;
            for (int c = 0; c < d; c++) {
                ss += (double) m[r * d + c] * m[r * d + c];
            }
            double inv = ss > 0 ? 1 / Math.sqrt(ss) : 0;
            for (int c = 0; c < d; c++) {
                out[r * d + c] = (float) (m[r * d + c] * inv);
            }
        }
        return out;
    }

    private static void add(double[] acc, float[] m, int offset) {
        for (int c = 0; c < acc.length; c++) {
            acc[c] += m[offset + c];
        }
    }

    private static void normalise(double[] v) {
        double ss = 0;
        for (double x : v) {
            ss += x * x;
        }
        double inv = ss > 0 ? 1 / Math.sqrt(ss) : 0;
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
    }

    private static int nearest(double[] times, double t) {
        int best = 0;
        for (int i = 1; i < times.length; i++) {
            if (Math.abs(times[i] - t) < Math.abs(times[best] - t)) {
                best = i;
            }
        }
        return best;
    }
}
