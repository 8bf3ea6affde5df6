package io.vidscore.app;

import io.quarkus.funqy.Funq;
import io.vidscore.pipeline.StageName;
import io.vidscore.pipeline.StageOutcome;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * The three functions as Funqy exposes them: {@code POST /extract-frames}, {@code /encode-video},
 * {@code /generate-music}, each taking an S3 event notification (or its CloudEvent / EventBridge
 * wrapping) as the body. They only translate; the chain does the work.
 */
public class Functions {

    @Inject
    VidscoreRuntime runtime;

    @Funq("extract-frames")
    public List<StageOutcome> extractFrames(Map<String, Object> event) {
        return runtime.invoke(StageName.EXTRACT_FRAMES, event);
    }

    @Funq("encode-video")
    public List<StageOutcome> encodeVideo(Map<String, Object> event) {
        return runtime.invoke(StageName.ENCODE_VIDEO, event);
    }

    @Funq("generate-music")
    public List<StageOutcome> generateMusic(Map<String, Object> event) {
        return runtime.invoke(StageName.GENERATE_MUSIC, event);
    }
}
