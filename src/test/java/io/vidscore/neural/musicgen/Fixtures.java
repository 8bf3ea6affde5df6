package io.vidscore.neural.musicgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vidscore.neural.Device;
import io.vidscore.neural.ModelFolder;
import io.vidscore.pipeline.Npy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed MusicGen fixtures (models/fixtures/make_musicgen_fixtures.py) and their goldens. */
final class Fixtures {
    static final Path ROOT = Path.of("models/fixtures");
    static final Path GOLDEN = ROOT.resolve("musicgen-small/golden");

    private Fixtures() {
    }

    static MusicGenModels open() {
        return MusicGenModels.open(new ModelFolder(ROOT), Device.CPU);
    }

    static JsonNode golden() {
        try {
            return new ObjectMapper().readTree(GOLDEN.resolve("golden.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Npy.Tensor npy(String name) {
        try {
            return Npy.read(Files.readAllBytes(GOLDEN.resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int[][] ints(JsonNode rows) {
        int[][] out = new int[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            out[i] = new int[rows.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = rows.get(i).get(j).asInt();
            }
        }
        return out;
    }

    static long[] longs(JsonNode row) {
        long[] out = new long[row.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = row.get(j).asLong();
        }
        return out;
    }
}
