package io.vidscore.tools;

import io.vidscore.analysis.VisualAnalysis;
import io.vidscore.analysis.VisualAnalyzer;
import io.vidscore.media.FrameListener;
import io.vidscore.media.VideoDecoder;
import io.vidscore.media.VideoInfo;
import java.nio.file.Path;

/** The extract stage's analysis of one local file, without a bucket: one decode pass into a {@link VisualAnalyzer}. */
public final class AnalyseFile {
    private AnalyseFile() {
    }

    public static VisualAnalysis analyse(Path video) {
        FrameListener[] holder = new FrameListener[1];
        VisualAnalyzer[] analyzer = new VisualAnalyzer[1];
        holder[0] = new FrameListener() {
            @Override
            public void started(VideoInfo info) {
                analyzer[0] = new VisualAnalyzer(info.fps());
            }

            @Override
            public void frame(int index, double timeS, byte[] grey, int width, int height, float brightness, float saturation, float warmth) {
                analyzer[0].accept(grey, width, brightness, saturation, warmth);
            }
        };
        VideoDecoder.Result r = VideoDecoder.decode(video, VideoDecoder.Settings.DEFAULT, holder[0]);
        double duration = r.info().durationS() > 0 ? r.info().durationS() : r.framesDecoded() / r.info().fps();
        return analyzer[0].finish(duration);
    }
}
