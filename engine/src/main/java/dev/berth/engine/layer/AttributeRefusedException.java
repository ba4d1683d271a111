package dev.berth.engine.layer;

import java.io.IOException;

/**
 * The kernel refused to set an extended attribute on this file ({@code EPERM}), as it refuses
 * {@code user.*} attributes on symlinks and device nodes, or any attribute where the caller may
 * not set it.
 */
public final class AttributeRefusedException extends IOException {

    public AttributeRefusedException(String message) {
        super(message);
    }
}
