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
        Feed feed = new Feed();
        VideoDecoder.Result r = VideoDecoder.decode(video, VideoDecoder.Settings.DEFAULT, feed);
        double duration = r.info().durationS() > 0 ? r.info().durationS() : r.framesDecoded() / r.info().fps();
        return feed.analyzer.finish(duration);
    }

    private static final class Feed implements FrameListener {
        private VisualAnalyzer analyzer;

        @Override
        public void started(VideoInfo info) {
            analyzer = new VisualAnalyzer(info.fps());
        }

        @Override
        public void frame(int index, double timeS, byte[] grey, int width, int height, float brightness, float saturation, float warmth) {
            analyzer.accept(grey, width, brightness, saturation, warmth);
        }
    }
}
