package io.vidscore.pipeline;

import io.vidscore.analysis.VisualAnalysis;
import io.vidscore.music.Conditioning;
import io.vidscore.neural.ClipModels;
import io.vidscore.neural.ClipTextEncoder;
import io.vidscore.neural.ModelFolder;
import io.vidscore.semantics.DescriptorVocabulary;
import io.vidscore.semantics.Segments;
import io.vidscore.semantics.ZeroShot;
import io.vidscore.store.ObjectInfo;
import io.vidscore.store.ObjectStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * generate-music's semantic step: the job's CLIP frame embeddings (one .clip.npy per chunk) scored zero-shot
 * against the music descriptors embedded by CLIP's text tower, per segment between cuts → a conditioning
 * text per segment, carried with the user's prompt in the request's {@link Conditioning}. Without CLIP
 * embeddings or without the text model there are no cues, and {@link #note} says why.
 */
final class SemanticConditioning {
    /** Cuts closer than this to the previous boundary do not start a new segment. */
    static final double MIN_SEGMENT_S = 1.0;
    /** Descriptor embeddings per text model folder and device: encoded once per process. */
    private static final Map<String, float[]> DESCRIPTOR_EMBEDDINGS = new ConcurrentHashMap<>();

    final List<ZeroShot.SegmentSemantics> segments;
    final String note;
    final int descriptors;

    private SemanticConditioning(List<ZeroShot.SegmentSemantics> segments, String note, int descriptors) {
        this.segments = segments;
        this.note = note;
        this.descriptors = descriptors;
    }

    static SemanticConditioning of(ObjectStore store, Manifest manifest, VisualAnalysis analysis, NeuralOptions neural) {
        List<ObjectInfo> chunks = store.list(BucketLayout.jobPrefix(manifest.jobId())).stream()
                .filter(o -> o.key().endsWith(BucketLayout.CLIP_SUFFIX)).sorted(Comparator.comparing(ObjectInfo::key)).toList();
        if (chunks.isEmpty()) {
            return none(neural.models().isEmpty() ? "no --models: built-in features only"
                    : "no CLIP vision model in " + neural.modelsDir() + ": built-in features only");
        }
        if (chunks.size() < manifest.chunks()) {
            return none("only " + chunks.size() + " of " + manifest.chunks() + " chunks have CLIP embeddings");
        }
        Optional<ModelFolder> folder = neural.models();
        Optional<ClipTextEncoder> text = folder.flatMap(f -> ClipModels.text(f, neural.device()));
        if (text.isEmpty()) {
            return none("no CLIP text model or tokenizer in " + neural.modelsDir() + ": no descriptor scores");
        }
        List<float[]> parts = new ArrayList<>();
        int rows = 0;
        for (ObjectInfo c : chunks) {
            Npy.Tensor t = Npy.read(store.getBytes(c.key()));
            parts.add(t.f32());
            rows += t.rows();
        }
        List<Double> times = manifest.sampleTimesS();
        if (rows != times.size()) {
            return none("CLIP embeddings hold " + rows + " frames, the manifest " + times.size() + " sample times");
        }
        float[] frames = concat(parts);
        DescriptorVocabulary vocabulary = DescriptorVocabulary.builtIn();
        String key = folder.get().root().toAbsolutePath().normalize() + "|" + neural.device();
        float[] descriptors = DESCRIPTOR_EMBEDDINGS.computeIfAbsent(key, k -> text.get().encode(vocabulary.clipTexts()));
        List<Segments.Span> spans = Segments.betweenCuts(analysis.cutsS(), manifest.durationS(), MIN_SEGMENT_S);
        double[] t = times.stream().mapToDouble(Double::doubleValue).toArray();
        return new SemanticConditioning(ZeroShot.describe(frames, t, descriptors, vocabulary, spans), null, vocabulary.size());
    }

    private static SemanticConditioning none(String why) {
        return new SemanticConditioning(List.of(), why, 0);
    }

    /** The user's prompt and one cue per segment (none without CLIP). */
    Conditioning conditioning(String prompt) {
        return new Conditioning(prompt, segments.stream().map(s -> new Conditioning.Cue(s.startS(), s.endS(), s.text())).toList());
    }

    private static float[] concat(List<float[]> parts) {
        float[] out = new float[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
