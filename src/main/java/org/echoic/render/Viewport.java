package org.echoic.render;

/**
 * What part of a recording a view shows: the time axis (first frame, frames per pixel, width in pixels) and the
 * frequency axis (lowest and highest Hz, linear or logarithmic), mapping sample frames ↔ x and Hz ↔ y. Every lane
 * of a view shares one viewport; lanes differ only in height, so the y mappings take the height as an argument.
 * Immutable value; thread-safe. x = 0 is the left edge of the first pixel; y = 0 is the top.
 *
 * @param startFrame     frame at x = 0 (may be fractional when zoomed to single samples)
 * @param framesPerPixel frames per pixel column, positive (below 1 when zoomed in beyond single samples)
 * @param widthPx        width of the view in pixels, at least 1
 * @param minHz          frequency at the bottom of a lane
 * @param maxHz          frequency at the top of a lane
 * @param frequencyScale how Hz map to y between them
 */
public record Viewport(double startFrame, double framesPerPixel, int widthPx, double minHz, double maxHz,
                       FrequencyScale frequencyScale) {

    /** The smallest frames per pixel allowed by the zoom operations (64 pixels per sample). */
    public static final double MIN_FRAMES_PER_PIXEL = 1.0 / 64;

    /** How a lane's vertical axis maps frequency. */
    public enum FrequencyScale { LINEAR, LOG }

    public Viewport {
        if (!(framesPerPixel > 0) || Double.isInfinite(framesPerPixel)) {
            throw new IllegalArgumentException("frames per pixel must be positive: " + framesPerPixel);
        }
        if (widthPx < 1) {
            throw new IllegalArgumentException("width must be at least 1 pixel: " + widthPx);
        }
        if (!(maxHz > minHz) || minHz < 0 || (frequencyScale == FrequencyScale.LOG && !(minHz > 0))) {
            throw new IllegalArgumentException("bad frequency range " + minHz + "–" + maxHz + " Hz for " + frequencyScale);
        }
        if (Double.isNaN(startFrame) || Double.isInfinite(startFrame)) {
            throw new IllegalArgumentException("start frame must be finite: " + startFrame);
        }
    }

    /** A viewport showing all {@code totalFrames} frames in {@code widthPx} pixels, 0 Hz to Nyquist linearly. */
    public static Viewport fitAll(long totalFrames, double sampleRateHz, int widthPx) {
        return new Viewport(0, Math.max(MIN_FRAMES_PER_PIXEL, (double) Math.max(1, totalFrames) / widthPx), widthPx,
                0, sampleRateHz / 2, FrequencyScale.LINEAR);
    }

    /** Frame after the last visible one (exclusive, fractional). */
    public double endFrame() {
        return startFrame + framesPerPixel * widthPx;
    }

    public double visibleFrames() {
        return framesPerPixel * widthPx;
    }

    /** x (in pixels, fractional) of the left edge of {@code frame}. */
    public double frameToX(double frame) {
        return (frame - startFrame) / framesPerPixel;
    }

    /** The frame position (fractional) at {@code x}. */
    public double xToFrame(double x) {
        return startFrame + x * framesPerPixel;
    }

    /** y of {@code hz} in a lane {@code heightPx} high (0 at the top = maxHz). */
    public double hzToY(double hz, int heightPx) {
        double f = frequencyScale == FrequencyScale.LOG
                ? Math.log(hz / minHz) / Math.log(maxHz / minHz)
                : (hz - minHz) / (maxHz - minHz);
        return heightPx * (1 - f);
    }

    /** The frequency at {@code y} in a lane {@code heightPx} high. */
    public double yToHz(double y, int heightPx) {
        double f = 1 - y / heightPx;
        return frequencyScale == FrequencyScale.LOG
                ? minHz * Math.pow(maxHz / minHz, f)
                : minHz + f * (maxHz - minHz);
    }

    public Viewport withWidth(int newWidthPx) {
        return new Viewport(startFrame, framesPerPixel, newWidthPx, minHz, maxHz, frequencyScale);
    }

    public Viewport withStartFrame(double newStartFrame) {
        return new Viewport(newStartFrame, framesPerPixel, widthPx, minHz, maxHz, frequencyScale);
    }

    public Viewport withFrequencyRange(double newMinHz, double newMaxHz, FrequencyScale scale) {
        return new Viewport(startFrame, framesPerPixel, widthPx, newMinHz, newMaxHz, scale);
    }

    /** Shows frames [fromFrame, toFrame) across the whole width. */
    public Viewport showRange(double fromFrame, double toFrame) {
        double fpp = Math.max(MIN_FRAMES_PER_PIXEL, (toFrame - fromFrame) / widthPx);
        double centre = (fromFrame + toFrame) / 2;
        return new Viewport(centre - fpp * widthPx / 2, fpp, widthPx, minHz, maxHz, frequencyScale);
    }

    /**
     * Zooms by {@code factor} (above 1 zooms in) keeping the frame under {@code anchorX} in place, no closer than
     * {@link #MIN_FRAMES_PER_PIXEL}.
     */
    public Viewport zoomAround(double factor, double anchorX) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("zoom factor must be positive: " + factor);
        }
        double anchorFrame = xToFrame(anchorX);
        double fpp = Math.max(MIN_FRAMES_PER_PIXEL, framesPerPixel / factor);
        return new Viewport(anchorFrame - anchorX * fpp, fpp, widthPx, minHz, maxHz, frequencyScale);
    }

    /**
     * Keeps the view within a recording of {@code totalFrames} frames: no wider than the whole recording, not
     * scrolled before its start or past its end.
     */
    public Viewport clampTo(long totalFrames) {
        double fpp = Math.min(framesPerPixel, Math.max(MIN_FRAMES_PER_PIXEL, (double) Math.max(1, totalFrames) / widthPx));
        double start = Math.max(0, Math.min(startFrame, totalFrames - fpp * widthPx));
        if (fpp == framesPerPixel && start == startFrame) {
            return this;
        }
        return new Viewport(start, fpp, widthPx, minHz, maxHz, frequencyScale);
    }
}
