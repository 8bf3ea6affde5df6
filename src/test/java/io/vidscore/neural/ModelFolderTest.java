package io.vidscore.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFolderTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingFileIsNamedInOneLineWithTheFetchCommand() {
        ModelFolder folder = new ModelFolder(tmp);
        ModelException e = assertThrows(ModelException.class, () -> folder.require(ModelFolder.MUSICGEN, "onnx/text_encoder.onnx"));
        assertTrue(e.getMessage().contains(tmp.resolve("musicgen-small/onnx/text_encoder.onnx").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("models/fetch-models.sh"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aCorruptModelIsReportedAsSuchNotAsAStackTrace() throws Exception {
        Path bad = Files.createDirectories(tmp.resolve("clip-vit-base-patch32/onnx")).resolve("vision_model.onnx");
        Files.writeString(bad, "<html>404 not found</html>");
        ModelFolder folder = new ModelFolder(tmp);
        assertTrue(folder.has(ModelFolder.CLIP, "onnx/vision_model.onnx"));
        Path p = folder.require(ModelFolder.CLIP, "onnx/vision_model.onnx");
        ModelException e = assertThrows(ModelException.class, () -> OnnxSessions.open(p, Device.CPU));
        assertTrue(e.getMessage().startsWith("model file " + p + " is corrupt"), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
    }
}
