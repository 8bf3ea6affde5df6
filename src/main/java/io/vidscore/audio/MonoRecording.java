package io.vidscore.audio;

/** Mono audio of known length that can be read from the start as often as needed (a spool on disk, an array). */
public interface MonoRecording {
    long length();

    MonoSource open();

    static MonoRecording of(float[] samples) {
        return new MonoRecording() {
            @Override
            public long length() {
                return samples.length;
            }

            @Override
            public MonoSource open() {
                return new MonoSource() {
                    private int at;

                    @Override
                    public int read(float[] into, int off, int len) {
                        int n = Math.min(len, samples.length - at);
                        System.arraycopy(samples, at, into, off, n);
                        at += n;
                        return n;
                    }
                };
            }
        };
    }
}
