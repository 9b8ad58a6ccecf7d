package org.echoic.service;

/** No audio output can be used (no device, or the device refuses the format); the message is for the user. */
public class PlaybackUnavailableException extends Exception {
    public PlaybackUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
