package io.vidscore.media;

import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Serves a WAV file as 48 kHz stereo planar floats, block by block. A 48 kHz mono/stereo file is
 * passed through untouched; anything else goes through libswresample (rate and channel conversion).
 */
final class StereoPcmSource implements AutoCloseable {
    static final int RATE = 48_000;
    private static final int CHUNK = 4096;

    private final WavReader wav;
    private final float[] interleaved;
    private final Resampler resampler; // null when passing through
    private float[] pendL = new float[0];
    private float[] pendR = new float[0];
    private int pendPos;
    private int pendLen;
    private boolean ended;

    StereoPcmSource(WavReader wav) {
        this.wav = wav;
        this.interleaved = new float[CHUNK * wav.channels()];
        boolean passThrough = wav.sampleRate() == RATE && wav.channels() <= 2;
        this.resampler = passThrough ? null : new Resampler(wav.channels(), wav.sampleRate());
    }

    /** True when the WAV is not already 48 kHz mono/stereo. */
    boolean converts() {
        return resampler != null;
    }

    /** Up to {@code max} frames into left/right from {@code offset}; -1 once the WAV is used up. */
    int read(float[] left, float[] right, int offset, int max) {
        if (pendPos == pendLen && !refill()) {
            return -1;
        }
        int n = Math.min(max, pendLen - pendPos);
        System.arraycopy(pendL, pendPos, left, offset, n);
        System.arraycopy(pendR, pendPos, right, offset, n);
        pendPos += n;
        return n;
    }

    private boolean refill() {
        while (!ended) {
            int n = wav.read(interleaved, CHUNK);
            int got;
            if (resampler == null) {
                got = n < 0 ? -1 : split(n);
            } else {
                got = resampler.convert(n < 0 ? null : interleaved, Math.max(n, 0));
            }
            if (n < 0 && got <= 0) {
                ended = true;
            }
            if (got > 0) {
                pendPos = 0;
                pendLen = got;
                return true;
            }
        }
        return false;
    }

    private int split(int n) {
        ensure(n);
        int ch = wav.channels();
        for (int i = 0; i < n; i++) {
            pendL[i] = interleaved[i * ch];
            pendR[i] = interleaved[i * ch + ch - 1]; // mono goes to both sides at full level
        }
        return n;
    }

    private void ensure(int n) {
        if (pendL.length < n) {
            pendL = new float[n];
            pendR = new float[n];
        }
    }

    @Override
    public void close() {
        if (resampler != null) {
            resampler.close();
        }
    }

    /** libswresample: interleaved float at the WAV's rate/channels to planar stereo at 48 kHz. */
    private final class Resampler implements AutoCloseable {
        private final SwrContext swr = new SwrContext(null);
        private final FloatPointer in;
        private final PointerPointer<FloatPointer> inPlanes;
        private FloatPointer outL;
        private FloatPointer outR;
        private PointerPointer<FloatPointer> outPlanes;
        private int outCapacity;

        Resampler(int channels, int rate) {
            AVChannelLayout inLayout = new AVChannelLayout();
            AVChannelLayout outLayout = new AVChannelLayout();
            try {
                avutil.av_channel_layout_default(inLayout, channels);
                avutil.av_channel_layout_default(outLayout, 2);
                Av.check(swresample.swr_alloc_set_opts2(swr, outLayout, avutil.AV_SAMPLE_FMT_FLTP, RATE,
                        inLayout, avutil.AV_SAMPLE_FMT_FLT, rate, 0, null), "cannot set up audio resampling");
                Av.check(swresample.swr_init(swr), "cannot set up audio resampling from " + rate + " Hz");
            } catch (RuntimeException e) {
                swresample.swr_free(swr);
                throw e;
            } finally {
                avutil.av_channel_layout_uninit(inLayout);
                avutil.av_channel_layout_uninit(outLayout);
                inLayout.close();
                outLayout.close();
            }
            in = new FloatPointer((long) CHUNK * channels);
            inPlanes = new PointerPointer<>(1);
            inPlanes.put(0, in);
        }

        /** Converts n frames (null: drain what swresample still holds); returns frames now pending. */
        int convert(float[] samples, int n) {
            int cap = Av.check(swresample.swr_get_out_samples(swr, n), "audio resampling failed");
            if (cap == 0) {
                return 0;
            }
            ensureOut(cap);
            if (samples != null) {
                in.put(samples, 0, n * wav.channels());
            }
            int got = Av.check(swresample.swr_convert(swr, outPlanes, cap, samples == null ? null : inPlanes, n),
                    "audio resampling failed");
            ensure(got);
            outL.get(pendL, 0, got);
            outR.get(pendR, 0, got);
            return got;
        }

        private void ensureOut(int cap) {
            if (cap > outCapacity) {
                closeOut();
                outL = new FloatPointer(cap);
                outR = new FloatPointer(cap);
                outPlanes = new PointerPointer<>(2);
                outPlanes.put(0, outL).put(1, outR);
                outCapacity = cap;
            }
        }

        private void closeOut() {
            if (outPlanes != null) {
                outPlanes.close();
                outL.close();
                outR.close();
            }
        }

        @Override
        public void close() {
            swresample.swr_free(swr);
            closeOut();
            inPlanes.close();
            in.close();
        }
    }
}
