package io.vidscore.semantics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The music descriptors frames are scored against (genre, mood, instrumentation, energy, tempo), read from
 * the resource {@code descriptors.txt} beside this class: {@code category | word | text CLIP reads}.
 */
public record DescriptorVocabulary(List<Descriptor> descriptors) {
    public static final String RESOURCE = "descriptors.txt";

    public DescriptorVocabulary {
        descriptors = List.copyOf(descriptors);
        if (descriptors.isEmpty()) {
            throw new IllegalArgumentException("an empty descriptor vocabulary");
        }
    }

    public static DescriptorVocabulary builtIn() {
        try (InputStream in = DescriptorVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DescriptorVocabulary parse(List<String> lines) {
        List<Descriptor> out = new ArrayList<>();
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\|");
            if (f.length != 3) {
                throw new IllegalArgumentException("descriptor line needs category | word | text: " + line);
            }
            out.add(new Descriptor(f[0].strip(), f[1].strip(), f[2].strip()));
        }
        return new DescriptorVocabulary(out);
    }

    /** Categories in the order they first appear (the order of the words in a conditioning text). */
    public List<String> categories() {
        LinkedHashSet<String> c = new LinkedHashSet<>();
        descriptors.forEach(d -> c.add(d.category()));
        return List.copyOf(c);
    }

    public List<String> clipTexts() {
        return descriptors.stream().map(Descriptor::clipText).toList();
    }

    public int size() {
        return descriptors.size();
    }
}
