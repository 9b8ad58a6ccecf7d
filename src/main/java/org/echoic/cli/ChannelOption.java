package org.echoic.cli;

import org.echoic.audio.Recording;

/** Parses the {@code --channel mean|N} option shared by several commands (stateless, thread-safe). */
final class ChannelOption {
    private ChannelOption() {
    }

    /**
     * @param text {@code mean} (any case) or a channel number from 1
     * @return the 0-based channel or {@link Recording#MEAN_CHANNEL}
     * @throws IllegalArgumentException naming the option when the text is neither
     */
    static int parse(String text) {
        if (text.trim().equalsIgnoreCase("mean")) {
            return Recording.MEAN_CHANNEL;
        }
        int ch;
        try {
            ch = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--channel must be 'mean' or a channel number from 1: " + text, e);
        }
        if (ch < 1) {
            throw new IllegalArgumentException("--channel numbers start at 1: " + text);
        }
        return ch - 1;
    }
}
