package dev.berth.engine;

import java.util.List;

/**
 * One step of an image's history, as {@code docker history} shows it.
 *
 * @param id        the image ID for the top step, {@link #MISSING} for the steps below it
 * @param created   when the step was made (RFC 3339), or null
 * @param createdBy the command that made it, or ""
 * @param tags      the image's names on the top step, else empty
 * @param size      the size of the layer it made as stored, 0 when it made none
 * @param comment   its comment, or ""
 */
public record ImageHistoryStep(String id, String created, String createdBy, List<String> tags, long size,
                               String comment) {

    /** Docker's ID of a step that is not an image of its own. */
    public static final String MISSING = "<missing>";

    public ImageHistoryStep {
        tags = List.copyOf(tags);
    }
}
