package io.vidscore.analysis;

/**
 * The built-in frame encoder: what encode-video computes when no neural encoder weights are present,
 * so the chain never depends on downloads. Each RGB frame becomes a small, interpretable vector.
 * The layout is {@link #NAMES}; values are roughly 0..1.
 */
public final class LowLevelFrameEncoder {
    public static final String[] NAMES = buildNames();
    public static final int DIM = NAMES.length;
    public static final int BRIGHTNESS = 6;
    public static final int SATURATION = 7;
    public static final int WARMTH = 8;
    public static final int EDGES = 9;
    public static final int COLOURFULNESS = 26;

    private LowLevelFrameEncoder() {
    }

    private static String[] buildNames() {
        String[] n = new String[33];
        String[] head = {"mean_r", "mean_g", "mean_b", "std_r", "std_g", "std_b", "brightness", "saturation", "warmth", "edge_density"};
        System.arraycopy(head, 0, n, 0, head.length);
        for (int i = 0; i < 16; i++) {
            n[10 + i] = "grid_luma_" + (i / 4) + "_" + (i % 4);
        }
        n[26] = "colourfulness";
        String[] hues = {"hue_red", "hue_yellow", "hue_green", "hue_cyan", "hue_blue", "hue_magenta"};
        System.arraycopy(hues, 0, n, 27, hues.length);
        return n;
    }

    /** @param rgb {@code size*size*3} bytes, RGB; @param out receives {@link #DIM} values at {@code offset} */
    public static void encode(byte[] rgb, int rgbOffset, int size, float[] out, int offset) {
        // Global statistics: every second pixel of every second row describes a 224x224 frame as well.
        int n = ((size + 1) / 2) * ((size + 1) / 2);
        double[] sum = new double[3];
        double[] sq = new double[3];
        double sat = 0;
        double warm = 0;
        double edges = 0;
        double[] grid = new double[16];
        double rg = 0;
        double rg2 = 0;
        double yb = 0;
        double yb2 = 0;
        double[] hue = new double[6];
        double hueTotal = 0;
        for (int y = 0; y < size; y += 2) {
            for (int x = 0; x < size; x += 2) {
                int p = rgbOffset + (y * size + x) * 3;
                int r = rgb[p] & 0xff;
                int g = rgb[p + 1] & 0xff;
                int b = rgb[p + 2] & 0xff;
                sum[0] += r;
                sum[1] += g;
                sum[2] += b;
                sq[0] += r * r;
                sq[1] += g * g;
                sq[2] += b * b;
                int max = Math.max(r, Math.max(g, b));
                int min = Math.min(r, Math.min(g, b));
                double s = max == 0 ? 0 : (max - min) / (double) max;
                sat += s;
                warm += r - b;
                double luma = 0.299 * r + 0.587 * g + 0.114 * b;
                grid[(y * 4 / size) * 4 + x * 4 / size] += luma;
                if (x + 1 < size && y + 1 < size) {
                    int q = p + 3;
                    int d = p + size * 3;
                    double right = 0.299 * (rgb[q] & 0xff) + 0.587 * (rgb[q + 1] & 0xff) + 0.114 * (rgb[q + 2] & 0xff);
                    double down = 0.299 * (rgb[d] & 0xff) + 0.587 * (rgb[d + 1] & 0xff) + 0.114 * (rgb[d + 2] & 0xff);
                    if (Math.abs(right - luma) + Math.abs(down - luma) > 40) {
                        edges++;
                    }
                }
                double a = r - g;
                double c = 0.5 * (r + g) - b;
                rg += a;
                rg2 += a * a;
                yb += c;
                yb2 += c * c;
                if (max > min) {
                    hue[hueSector(r, g, b, max, min)] += s;
                    hueTotal += s;
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            double mean = sum[c] / n;
            out[offset + c] = (float) (mean / 255);
            out[offset + 3 + c] = (float) (Math.sqrt(Math.max(0, sq[c] / n - mean * mean)) / 255);
        }
        out[offset + BRIGHTNESS] = (float) ((0.299 * sum[0] + 0.587 * sum[1] + 0.114 * sum[2]) / n / 255);
        out[offset + SATURATION] = (float) (sat / n);
        out[offset + WARMTH] = (float) (warm / n / 255);
        out[offset + EDGES] = (float) (edges / n);
        double cell = n / 16.0;
        for (int i = 0; i < 16; i++) {
            out[offset + 10 + i] = (float) (grid[i] / cell / 255);
        }
        // Hasler & Süsstrunk (2003) colourfulness, scaled so ~1 is "extremely colourful".
        double mrg = rg / n;
        double myb = yb / n;
        double srg = Math.sqrt(Math.max(0, rg2 / n - mrg * mrg));
        double syb = Math.sqrt(Math.max(0, yb2 / n - myb * myb));
        out[offset + COLOURFULNESS] = (float) ((Math.hypot(srg, syb) + 0.3 * Math.hypot(mrg, myb)) / 110);
        for (int i = 0; i < 6; i++) {
            out[offset + 27 + i] = (float) (hueTotal == 0 ? 0 : hue[i] / hueTotal);
        }
    }

    private static int hueSector(int r, int g, int b, int max, int min) {
        double h;
        double d = max - min;
        if (max == r) {
            h = ((g - b) / d + 6) % 6;
        } else if (max == g) {
            h = (b - r) / d + 2;
        } else {
            h = (r - g) / d + 4;
        }
        return (int) Math.min(5, Math.floor(h + 0.5) % 6);
    }
}
