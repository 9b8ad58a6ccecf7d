package org.echoic.project;

/**
 * A recording of a project whose file is not the one the project recorded: missing, changed (size or SHA-256
 * differ) or unreadable. Reported with the loaded project, never fixed silently: the user relinks the entry or
 * accepts the changed file. Immutable value.
 *
 * @param index     the recording's index in the project
 * @param recording the project's entry
 * @param kind      what is wrong
 * @param message   a sentence naming the file and the problem
 */
public record RecordingProblem(int index, ProjectRecording recording, Kind kind, String message) {

    /** What is wrong with a recording's file. */
    public enum Kind { MISSING, CHANGED, UNREADABLE }
}
