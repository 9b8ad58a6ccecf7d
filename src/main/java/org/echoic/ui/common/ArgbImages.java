package org.echoic.ui.common;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** ARGB buffers from the renderers as JavaFX images. JavaFX thread only. */
public final class ArgbImages {
    private ArgbImages() {
    }

    /** A new image {@code width × height} holding {@code argb}. */
    public static WritableImage of(int[] argb, int width, int height) {
        WritableImage img = new WritableImage(width, height);
        img.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return img;
    }
}
