package dev.berth.engine.image;

import dev.berth.engine.core.EngineException;

/** An image cannot be removed as asked (in use, or several names without force): 409 in the API. */
public final class ImageConflictException extends EngineException {

    public ImageConflictException(String message) {
        super(message);
    }
}
