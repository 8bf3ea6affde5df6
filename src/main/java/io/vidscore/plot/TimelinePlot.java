package io.vidscore.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The picture a user looks at to judge a score: the visual onset envelope, the visual beats, the beats
 * detected in the rendered music and the cuts, on one time axis, with the tempi and the beat F-measure in
 * the title. Pure drawing: it takes numbers, not the store or the report.
 *
 * <p>Layout, top to bottom: title, legend, the envelope panel, then one lane per beat series (so that
 * hundreds of beats in a long video stay countable), then the time axis. Cuts cross every panel.
 */
public final class TimelinePlot {
    static {
        // Servers and containers have no display; set before AWT's graphics environment first loads.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    public static final int WIDTH = 1600;
    public static final int HEIGHT = 500;
    /** Colours, also what tests look for at the markers' x positions. */
    public static final Color ENVELOPE = new Color(0x2F6DB5);
    public static final Color ENVELOPE_FILL = new Color(0xC9DBF0);
    public static final Color VISUAL_BEAT = new Color(0xE07B00);
    public static final Color MUSIC_BEAT = new Color(0x2A9D3F);
    public static final Color CUT = new Color(0xD0182B);

    static final int LEFT = 120;
    static final int RIGHT = 30;
    static final int TOP = 92;
    static final int ENVELOPE_HEIGHT = 250;
    static final int LANE_HEIGHT = 34;
    static final int LANE_GAP = 8;
    private static final Color AXIS = new Color(0x333333);
    private static final Color GRID = new Color(0xE4E4E4);
    private static final Color TEXT = new Color(0x202020);

    /**
     * What one plot shows.
     *
     * @param title           the video's name
     * @param durationS       the time axis runs from 0 to this
     * @param envelope        visual onset strength, 0..1, one value per {@code 1/envelopeRateHz} seconds
     * @param visualTempoBpm  the picture's tempo; with {@code rhythmic} false it is the mood's choice, not a measurement
     * @param musicTempoBpm   tempo detected in the rendered audio
     * @param fMeasure        beat F-measure of music against visual beats, or null when the video has no visual beat
     */
    public record Data(String title, double durationS, float[] envelope, double envelopeRateHz, double[] visualBeatsS,
            double[] musicBeatsS, double[] cutsS, double visualTempoBpm, boolean rhythmic, double musicTempoBpm,
            Double fMeasure, double toleranceS) {
    }

    private final Data d;
    private final int plotWidth = WIDTH - LEFT - RIGHT;

    public TimelinePlot(Data data) {
        this.d = data;
    }

    /** The x pixel of time {@code t} (public so tests can look for markers where they must be). */
    public int xOf(double t) {
        double span = Math.max(1e-3, d.durationS());
        return LEFT + (int) Math.round(Math.max(0, Math.min(1, t / span)) * (plotWidth - 1));
    }

    /** Vertical extent of the envelope panel, [top, bottom). */
    public static int[] envelopeRows() {
        return new int[] {TOP, TOP + ENVELOPE_HEIGHT};
    }

    /** Vertical extent of lane {@code i} (0 visual beats, 1 music beats), [top, bottom). */
    public static int[] laneRows(int i) {
        int top = TOP + ENVELOPE_HEIGHT + LANE_GAP + i * (LANE_HEIGHT + LANE_GAP);
        return new int[] {top, top + LANE_HEIGHT};
    }

    public BufferedImage render() {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            drawGridAndEnvelope(g);
            drawLane(g, 0, d.visualBeatsS(), VISUAL_BEAT);
            drawLane(g, 1, d.musicBeatsS(), MUSIC_BEAT);
            drawCuts(g);
            drawFrames(g);
            drawText(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    public byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            if (!ImageIO.write(render(), "png", out)) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private int envelopeY(double v) {
        return TOP + ENVELOPE_HEIGHT - 1 - (int) Math.round(Math.max(0, Math.min(1, v)) * (ENVELOPE_HEIGHT - 8));
    }

    private void drawGridAndEnvelope(Graphics2D g) {
        g.setColor(GRID);
        for (double t : ticks()) {
            g.drawLine(xOf(t), TOP, xOf(t), laneRows(1)[1]);
        }
        for (double v = 0.25; v < 1.01; v += 0.25) {
            g.drawLine(LEFT, envelopeY(v), LEFT + plotWidth - 1, envelopeY(v));
        }
        float[] env = d.envelope() == null ? new float[0] : d.envelope();
        if (env.length == 0 || d.envelopeRateHz() <= 0) {
            return;
        }
        // One column per pixel, showing the strongest onset inside it: peaks never vanish between samples,
        // however long the video.
        int[] ys = new int[plotWidth];
        double secondsPerPixel = Math.max(1e-3, d.durationS()) / (plotWidth - 1);
        for (int px = 0; px < plotWidth; px++) {
            int from = (int) Math.floor((px - 0.5) * secondsPerPixel * d.envelopeRateHz());
            int to = (int) Math.floor((px + 0.5) * secondsPerPixel * d.envelopeRateHz());
            float peak = 0;
            for (int i = Math.max(0, from); i <= Math.min(env.length - 1, Math.max(from, to)); i++) {
                peak = Math.max(peak, env[i]);
            }
            ys[px] = envelopeY(peak);
        }
        int base = envelopeY(0);
        g.setColor(ENVELOPE_FILL);
        for (int px = 0; px < plotWidth; px++) {
            g.drawLine(LEFT + px, ys[px], LEFT + px, base);
        }
        g.setColor(ENVELOPE);
        g.setStroke(new BasicStroke(1.3f));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int px = 1; px < plotWidth; px++) {
            g.drawLine(LEFT + px - 1, ys[px - 1], LEFT + px, ys[px]);
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setStroke(new BasicStroke(1f));
    }

    private void drawLane(Graphics2D g, int lane, double[] times, Color colour) {
        int[] rows = laneRows(lane);
        g.setColor(new Color(0xF6F6F6));
        g.fillRect(LEFT, rows[0], plotWidth, rows[1] - rows[0]);
        g.setColor(colour);
        for (double t : times == null ? new double[0] : times) {
            int x = xOf(t);
            g.fillRect(x - 1, rows[0] + 4, 3, rows[1] - rows[0] - 8);
        }
    }

    private void drawCuts(Graphics2D g) {
        g.setColor(CUT);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
        for (double t : d.cutsS() == null ? new double[0] : d.cutsS()) {
            int x = xOf(t);
            g.drawLine(x, TOP, x, laneRows(1)[1] - 1);
            // A solid cap above the panel marks the cut even where the dashes' gaps fall.
            g.fill(new Polygon(new int[] {x - 6, x + 6, x}, new int[] {TOP - 10, TOP - 10, TOP}, 3));
        }
        g.setStroke(new BasicStroke(1f));
    }

    private void drawFrames(Graphics2D g) {
        g.setColor(AXIS);
        g.drawRect(LEFT - 1, TOP - 1, plotWidth + 1, ENVELOPE_HEIGHT + 1);
        for (int lane = 0; lane < 2; lane++) {
            int[] rows = laneRows(lane);
            g.drawRect(LEFT - 1, rows[0] - 1, plotWidth + 1, rows[1] - rows[0] + 1);
        }
        int axisY = laneRows(1)[1] + 1;
        for (double t : ticks()) {
            g.drawLine(xOf(t), axisY, xOf(t), axisY + 5);
        }
        for (double v = 0; v < 1.01; v += 0.5) {
            g.drawLine(LEFT - 6, envelopeY(v), LEFT - 1, envelopeY(v));
        }
    }

    /**
     * Text needs fonts, which a stripped-down server image may lack; the markers carry the data, so a
     * plot without text is still drawn rather than no plot at all.
     */
    private void drawText(Graphics2D g) {
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(TEXT);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
            g.drawString(title(), LEFT, 30);
            drawLegend(g);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            FontMetrics fm = g.getFontMetrics();
            int axisY = laneRows(1)[1] + 1;
            for (double t : ticks()) {
                String label = formatSeconds(t);
                g.drawString(label, xOf(t) - fm.stringWidth(label) / 2, axisY + 22);
            }
            String axis = "time (s)";
            g.drawString(axis, LEFT + plotWidth / 2 - fm.stringWidth(axis) / 2, HEIGHT - 10);
            for (double v = 0; v < 1.01; v += 0.5) {
                String label = String.format(Locale.ROOT, "%.1f", v);
                g.drawString(label, LEFT - 10 - fm.stringWidth(label), envelopeY(v) + 5);
            }
            g.drawString("visual onset", 12, envelopeY(0.75) + 5); // between the value labels, clear of both
            g.drawString("visual beats", 12, laneRows(0)[0] + 22);
            g.drawString("music beats", 12, laneRows(1)[0] + 22);
        } catch (RuntimeException | InternalError | UnsatisfiedLinkError e) {
            // No usable fonts: keep the plot, without words.
        }
    }

    private void drawLegend(Graphics2D g) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        FontMetrics fm = g.getFontMetrics();
        int y = 62;
        int x = LEFT;
        x = legendItem(g, fm, x, y, ENVELOPE, "visual onset envelope", false);
        x = legendItem(g, fm, x, y, VISUAL_BEAT, "visual beats (" + d.visualBeatsS().length + ")", false);
        x = legendItem(g, fm, x, y, MUSIC_BEAT, "music beats, detected in the audio (" + d.musicBeatsS().length + ")", false);
        legendItem(g, fm, x, y, CUT, "cuts (" + d.cutsS().length + ")", true);
    }

    private int legendItem(Graphics2D g, FontMetrics fm, int x, int y, Color c, String label, boolean dashed) {
        g.setColor(c);
        if (dashed) {
            g.fillRect(x, y - 12, 3, 7);
            g.fillRect(x, y - 2, 3, 7);
        } else {
            g.fillRect(x - 2, y - 11, 16, 12);
        }
        g.setColor(TEXT);
        g.drawString(label, x + 22, y);
        return x + 22 + fm.stringWidth(label) + 36;
    }

    String title() {
        String visual = d.rhythmic()
                ? String.format(Locale.ROOT, "visual tempo %.1f BPM", d.visualTempoBpm())
                : String.format(Locale.ROOT, "no visual beat (music at %.0f BPM from the mood)", d.visualTempoBpm());
        String music = String.format(Locale.ROOT, "music %.1f BPM", d.musicTempoBpm());
        String score = d.fMeasure() == null ? "beat F-measure: n/a"
                : String.format(Locale.ROOT, "beat F-measure %.2f (±%.0f ms)", d.fMeasure(), d.toleranceS() * 1000);
        return d.title() + "  —  " + visual + "  ·  " + music + "  ·  " + score;
    }

    /** Tick times at a step that gives about 8 to 20 labels across the axis. */
    double[] ticks() {
        double span = Math.max(1e-3, d.durationS());
        double step = 0.1;
        for (double s : new double[] {0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600}) {
            step = s;
            if (span / s <= 20) {
                break;
            }
        }
        int n = (int) Math.floor(span / step + 1e-9) + 1;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * step;
        }
        return t;
    }

    static String formatSeconds(double t) {
        if (Math.abs(t - Math.rint(t)) < 1e-9) {
            return String.format(Locale.ROOT, "%d", (long) Math.rint(t));
        }
        return String.format(Locale.ROOT, "%.1f", t);
    }
}
