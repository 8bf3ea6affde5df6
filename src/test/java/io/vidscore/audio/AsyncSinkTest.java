package io.vidscore.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class AsyncSinkTest {

    /** Records every sample it receives, in order. */
    static final class Recorder implements PcmSink {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);
        boolean closed;

        @Override
        public void write(float[] interleaved, int frames) {
            try {
                for (int i = 0; i < frames * CHANNELS; i++) {
                    out.writeFloat(interleaved[i]);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void deliversEverySampleInOrderEvenWhenTheCallerReusesItsArray() {
        Recorder direct = new Recorder();
        Recorder async = new Recorder();
        AsyncSink sink = new AsyncSink(async);
        float[] block = new float[2 * 1000];
        for (int b = 0; b < 200; b++) {
            int frames = 1 + (b * 37) % 1000;
            for (int i = 0; i < 2 * frames; i++) {
                block[i] = (float) Math.sin(b * 1000 + i);
            }
            direct.write(block, frames);
            sink.write(block, frames);
        }
        sink.close();
        assertTrue(async.closed, "closing waits for the consumer and closes it");
        assertArrayEquals(direct.bytes.toByteArray(), async.bytes.toByteArray());
    }

    @Test
    void aFailingConsumerFailsTheProducer() {
        AsyncSink sink = new AsyncSink((interleaved, frames) -> {
            throw new IllegalStateException("consumer broke");
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            for (int i = 0; i < 100; i++) {
                sink.write(new float[2048], 1024);
            }
            sink.close();
        });
        assertTrue(e.getMessage().contains("consumer broke"), e.getMessage());
    }
}
