package io.vidscore.neural;

import io.vidscore.pipeline.Npy;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** The committed CLIP fixtures (models/fixtures, made by models/fixtures/make_clip_fixtures.py) and their goldens. */
public final class ClipFixtures {
    public static final Path MODELS = Path.of("models/fixtures");
    public static final Path GOLDEN = MODELS.resolve("clip-golden");
    public static final ModelFolder FOLDER = new ModelFolder(MODELS);

    private ClipFixtures() {
    }

    public static Npy.Tensor golden(String name) throws IOException {
        return Npy.read(Files.readAllBytes(GOLDEN.resolve(name)));
    }

    /** A PNG as interleaved RGB bytes; {@code size[0]} = width, {@code size[1]} = height. */
    public static byte[] rgb(String png, int[] size) throws IOException {
        BufferedImage img = ImageIO.read(GOLDEN.resolve(png).toFile());
        size[0] = img.getWidth();
        size[1] = img.getHeight();
        byte[] out = new byte[size[0] * size[1] * 3];
        for (int y = 0; y < size[1]; y++) {
            for (int x = 0; x < size[0]; x++) {
                int p = img.getRGB(x, y);
                int i = (y * size[0] + x) * 3;
                out[i] = (byte) (p >> 16);
                out[i + 1] = (byte) (p >> 8);
                out[i + 2] = (byte) p;
            }
        }
        return out;
    }

    public static ClipImageEncoder vision() {
        return new ClipImageEncoder(FOLDER.require(ModelFolder.CLIP, ClipImageEncoder.FILE), Device.CPU);
    }

    public static ClipTextEncoder text() {
        return new ClipTextEncoder(FOLDER.require(ModelFolder.CLIP, ClipTextEncoder.FILE),
                FOLDER.require(ModelFolder.CLIP, ClipTextEncoder.TOKENIZER), Device.CPU);
    }
}
