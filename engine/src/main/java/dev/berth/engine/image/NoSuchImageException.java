package dev.berth.engine.image;

import dev.berth.engine.core.EngineException;

/** No stored image matches a name or ID: Docker's {@code No such image: NAME} (404 in the API). */
public final class NoSuchImageException extends EngineException {

    public NoSuchImageException(String message) {
        super(message);
    }
}
