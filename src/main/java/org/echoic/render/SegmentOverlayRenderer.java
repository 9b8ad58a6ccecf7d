package org.echoic.render;

import java.util.Arrays;
import java.util.List;

import org.echoic.segment.SegmentEdits;

/**
 * The geometry of segments over a lane: {@link #layout} turns the segments visible in a {@link Viewport} into pixel
 * spans, joining neighbours of the same kind that touch within one pixel so that a whole recording at coarse zoom
 * gives at most about one span per pixel column; {@link #fill} blends the spans into an ARGB buffer (as the CLI and
 * the benchmark draw; the workbench fills the same spans on its canvas). Stateless; thread-safe.
 */
public final class SegmentOverlayRenderer {

    /**
     * Pixel spans [x0, x1) in lane coordinates, clipped to the lane, with whether any segment in the span was
     * edited and the index of the first segment it covers.
     */
    public record Spans(int count, double[] x0, double[] x1, boolean[] edited, int[] firstIndex) {
    }

    private SegmentOverlayRenderer() {
    }

    /**
     * Lays out {@code items} (sorted by start, as {@link SegmentEdits#replay} gives them) over a lane {@code width}
     * pixels wide.
     */
    public static Spans layout(List<SegmentEdits.Item> items, Viewport vp, int width) {
        int n = items.size();
        long maxLength = 0;
        for (SegmentEdits.Item i : items) {
            maxLength = Math.max(maxLength, i.segment().lengthFrames());
        }
        double start = vp.startFrame();
        double end = vp.xToFrame(width);
        int lo = firstStartingAtOrAfter(items, (long) Math.floor(start) - maxLength);
        int cap = 16;
        double[] x0 = new double[cap];
        double[] x1 = new double[cap];
        boolean[] edited = new boolean[cap];
        int[] first = new int[cap];
        int count = 0;
        for (int k = lo; k < n; k++) {
            SegmentEdits.Item item = items.get(k);
            if (item.segment().startFrame() >= end) {
                break;
            }
            if (item.segment().endFrame() <= start) {
                continue;
            }
            double a = Math.max(0, vp.frameToX(item.segment().startFrame()));
            double b = Math.min(width, Math.max(a + 1, vp.frameToX(item.segment().endFrame())));
            if (count > 0 && edited[count - 1] == item.edited() && a <= x1[count - 1] + 1 && b - a < 2) {
                x1[count - 1] = Math.max(x1[count - 1], b);
                continue;
            }
            if (count == cap) {
                cap *= 2;
                x0 = Arrays.copyOf(x0, cap);
                x1 = Arrays.copyOf(x1, cap);
                edited = Arrays.copyOf(edited, cap);
                first = Arrays.copyOf(first, cap);
            }
            x0[count] = a;
            x1[count] = b;
            edited[count] = item.edited();
            first[count] = k;
            count++;
        }
        return new Spans(count, x0, x1, edited, first);
    }

    private static int firstStartingAtOrAfter(List<SegmentEdits.Item> items, long frame) {
        int lo = 0;
        int hi = items.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (items.get(mid).segment().startFrame() < frame) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Blends the spans into {@code argb} (row-major, {@code width} × {@code height}, opaque): a translucent fill
     * ({@code fillArgb} or {@code editedArgb}, alpha in the top byte) and opaque edges of colour {@code edgeRgb} where a
     * span is at least 3 pixels wide.
     */
    public static void fill(int[] argb, int width, int height, Spans spans, int fillArgb, int editedArgb, int edgeRgb) {
        for (int s = 0; s < spans.count(); s++) {
            int c = spans.edited()[s] ? editedArgb : fillArgb;
            int alpha = c >>> 24;
            int xa = (int) Math.max(0, Math.floor(spans.x0()[s]));
            int xb = (int) Math.min(width, Math.ceil(spans.x1()[s]));
            for (int y = 0; y < height; y++) {
                int row = y * width;
                for (int x = xa; x < xb; x++) {
                    argb[row + x] = blend(argb[row + x], c, alpha);
                }
            }
            if (xb - xa >= 3) {
                for (int y = 0; y < height; y++) {
                    argb[y * width + xa] = 0xFF000000 | edgeRgb;
                    argb[y * width + xb - 1] = 0xFF000000 | edgeRgb;
                }
            }
        }
    }

    private static int blend(int under, int over, int alpha) {
        int inv = 255 - alpha;
        int r = (((over >> 16) & 0xFF) * alpha + ((under >> 16) & 0xFF) * inv) / 255;
        int g = (((over >> 8) & 0xFF) * alpha + ((under >> 8) & 0xFF) * inv) / 255;
        int b = ((over & 0xFF) * alpha + (under & 0xFF) * inv) / 255;
        return 0xFF000000 | r << 16 | g << 8 | b;
    }
}
