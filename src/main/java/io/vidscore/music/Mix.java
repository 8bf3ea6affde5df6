package io.vidscore.music;

/** One block of the mix bus: dry stereo plus a mono reverb send. Reused for every block of a render. */
final class Mix {
    final float[] left;
    final float[] right;
    final float[] send;

    Mix(int blockFrames) {
        left = new float[blockFrames];
        right = new float[blockFrames];
        send = new float[blockFrames];
    }

    void clear(int frames) {
        java.util.Arrays.fill(left, 0, frames, 0f);
        java.util.Arrays.fill(right, 0, frames, 0f);
        java.util.Arrays.fill(send, 0, frames, 0f);
    }
}
