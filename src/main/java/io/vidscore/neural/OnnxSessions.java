package io.vidscore.neural;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Opens ONNX Runtime sessions. CUDA is asked for when the device allows it; ONNX Runtime does not fall
 * back by itself when the CUDA libraries are missing (and {@code getAvailableProviders()} lists CUDA even
 * then), so the OrtException is caught here and the session is rebuilt on the CPU, with one log line.
 */
public final class OnnxSessions {
    private static final Logger LOG = Logger.getLogger(OnnxSessions.class.getName());

    private OnnxSessions() {
    }

    public static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    /** An open session and the device it really runs on. */
    public record Opened(OrtSession session, Device device) {
    }

    public static Opened open(Path model, Device device) {
        OrtEnvironment env = environment();
        if (device != Device.CPU) {
            try (OrtSession.SessionOptions opts = baseOptions()) {
                opts.addCUDA(0);
                return new Opened(env.createSession(model.toString(), opts), Device.CUDA);
            } catch (OrtException | UnsatisfiedLinkError | RuntimeException e) {
                if (device == Device.CUDA) {
                    throw new ModelException("cannot run " + model.getFileName() + " on CUDA: " + oneLine(e), e);
                }
                LOG.info("vidscore: CUDA is not available (" + oneLine(e) + "); running " + model.getFileName() + " on the CPU");
            }
        }
        try (OrtSession.SessionOptions opts = baseOptions()) {
            return new Opened(env.createSession(model.toString(), opts), Device.CPU);
        } catch (OrtException e) {
            throw new ModelException("model file " + model + " is corrupt or not an ONNX model (" + oneLine(e)
                    + "): fetch it again with `" + ModelFolder.FETCH_HINT + "`", e);
        }
    }

    private static OrtSession.SessionOptions baseOptions() throws OrtException {
        OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
        opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        return opts;
    }

    /** Closes a session on the way out of an error or at shutdown, when there is nobody left to tell. */
    public static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException | RuntimeException ignored) {
            // the process is done with it either way
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
