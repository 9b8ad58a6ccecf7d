package org.echoic.label;

/**
 * Training material: the frames of a recording (or of one segment) and their classes. For frame labelling
 * {@code labels} has one class per frame (0 = background); for segment classification it holds the segment's one
 * class. Immutable once built (arrays not copied).
 *
 * @param name     where it comes from (file name, or file and segment), for messages and splits
 * @param features the frames, before normalisation
 * @param labels   classes
 */
public record LabelledClip(String name, FrameFeatures features, int[] labels) {
}
