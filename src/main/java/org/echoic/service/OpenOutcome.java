package org.echoic.service;

import java.util.List;

/**
 * What one open action (files, folders, drag and drop) gave: the recordings now open and one message per file that
 * could not be opened (naming the file and the problem). Immutable.
 */
public record OpenOutcome(List<OpenRecording> opened, List<String> errors) {
    public OpenOutcome {
        opened = List.copyOf(opened);
        errors = List.copyOf(errors);
    }
}
