package io.vidscore.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TimelinePlotTest {

    /** 10 s at 30 fps: onsets on a 120 BPM grid, music beats a little late, one cut at 6 s. */
    private static TimelinePlot.Data data() {
        float[] env = new float[300];
        for (int i = 15; i < env.length; i += 15) {
            env[i] = 0.9f;
        }
        double[] visual = {0.5, 1.0, 1.5, 2.0, 2.5, 3.0};
        double[] music = {0.52, 1.02, 1.52, 2.02, 2.52, 3.02, 7.25};
        return new TimelinePlot.Data("clip.mp4", 10, env, 30, visual, music, new double[] {6.0}, 120, true, 119.5, 0.92, 0.07);
    }

    private static BufferedImage decode(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img, "ImageIO decodes the PNG");
        return img;
    }

    private static boolean columnHas(BufferedImage img, int x, int[] rows, Color c) {
        for (int y = rows[0]; y < rows[1]; y++) {
            if (img.getRGB(x, y) == c.getRGB()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void pngHasTheAdvertisedSizeAndMarkersWhereTheTimesAre() throws Exception {
        TimelinePlot plot = new TimelinePlot(data());
        BufferedImage img = decode(plot.png());
        assertEquals(TimelinePlot.WIDTH, img.getWidth());
        assertEquals(TimelinePlot.HEIGHT, img.getHeight());

        int[] visualLane = TimelinePlot.laneRows(0);
        int[] musicLane = TimelinePlot.laneRows(1);
        for (double t : data().visualBeatsS()) {
            assertTrue(columnHas(img, plot.xOf(t), visualLane, TimelinePlot.VISUAL_BEAT), "visual beat marker at " + t + " s");
        }
        assertTrue(columnHas(img, plot.xOf(7.25), musicLane, TimelinePlot.MUSIC_BEAT), "music beat marker at 7.25 s");
        assertFalse(columnHas(img, plot.xOf(7.25), visualLane, TimelinePlot.VISUAL_BEAT), "no visual beat at 7.25 s");
        assertFalse(columnHas(img, plot.xOf(4.75), musicLane, TimelinePlot.MUSIC_BEAT), "no music beat at 4.75 s");

        int[] env = TimelinePlot.envelopeRows();
        assertTrue(columnHas(img, plot.xOf(6.0), env, TimelinePlot.CUT), "the cut crosses the envelope panel at 6 s");
        assertFalse(columnHas(img, plot.xOf(5.0), env, TimelinePlot.CUT), "no cut at 5 s");
        // The envelope's peaks reach high in the panel at the onset at 0.5 s, and stay low between onsets.
        assertTrue(columnHas(img, plot.xOf(0.5), new int[] {env[0], env[0] + 60}, TimelinePlot.ENVELOPE));
        assertFalse(columnHas(img, plot.xOf(0.75), new int[] {env[0], env[1] - 20}, TimelinePlot.ENVELOPE));
    }

    @Test
    void titleCarriesTempoAndAlignment() {
        String title = new TimelinePlot(data()).title();
        assertTrue(title.contains("visual tempo 120.0 BPM"), title);
        assertTrue(title.contains("beat F-measure 0.92"), title);
        TimelinePlot.Data d = data();
        String none = new TimelinePlot(new TimelinePlot.Data("still.mp4", 10, new float[300], 30, new double[0], d.musicBeatsS(),
                new double[0], 80, false, 80, null, 0.07)).title();
        assertTrue(none.contains("no visual beat") && none.contains("n/a"), none);
    }

    @Test
    void longVideosKeepEveryMarkerAndTicksStayReadable() throws Exception {
        double[] beats = new double[720];
        for (int i = 0; i < beats.length; i++) {
            beats[i] = 0.5 * i;
        }
        TimelinePlot plot = new TimelinePlot(new TimelinePlot.Data("six minutes.mp4", 360, new float[360 * 30], 30, beats, beats,
                new double[] {100, 200}, 120, true, 120, 1.0, 0.07));
        BufferedImage img = decode(plot.png());
        assertTrue(columnHas(img, plot.xOf(359.5), TimelinePlot.laneRows(0), TimelinePlot.VISUAL_BEAT));
        assertTrue(columnHas(img, plot.xOf(200), TimelinePlot.envelopeRows(), TimelinePlot.CUT));
        int ticks = plot.ticks().length;
        assertTrue(ticks >= 8 && ticks <= 21, "between 8 and 21 labelled ticks, not " + ticks);
    }
}
