package dev.berth.engine.api;

import dev.berth.engine.StartFailedException;
import dev.berth.engine.archive.RootArchives;
import dev.berth.engine.NoSuchExecException;
import dev.berth.engine.ExecStateException;
import dev.berth.engine.core.EngineException;
import dev.berth.engine.image.ImageConflictException;
import dev.berth.engine.image.NoSuchImageException;
import dev.berth.engine.runtime.ContainerStateException;
import dev.berth.engine.runtime.NameConflictException;
import dev.berth.engine.runtime.NoSuchContainerException;
import dev.berth.engine.volume.NoSuchVolumeException;
import dev.berth.engine.volume.VolumeInUseException;

/**
 * An engine refusal a handler lets through, as Docker's status: 404 for a container, image,
 * volume or path in a container that does not exist, 409 for a name taken, an object in use or a
 * container whose state forbids the request (not running, running, paused), 403 for a write to a
 * read-only container path, 500 for a command that could not be started, 400 for any other refusal.
 */
final class EngineErrors {

    private EngineErrors() {
    }

    static ApiException toApi(EngineException e) {
        int status = switch (e) {
            case NoSuchContainerException missing -> 404;
            case NoSuchImageException missing -> 404;
            case NoSuchVolumeException missing -> 404;
            case RootArchives.NoSuchPathException missing -> 404;
            case RootArchives.ReadOnlyPathException readOnly -> 403;
            case NoSuchExecException missing -> 404;
            case ExecStateException conflict -> 409;
            case NameConflictException conflict -> 409;
            case ImageConflictException conflict -> 409;
            case VolumeInUseException conflict -> 409;
            case ContainerStateException conflict -> 409;
            // the command could not be run: Docker answers its runtime's failure with 500
            case StartFailedException failed -> 500;
            default -> 400;
        };
        return new ApiException(status, e.getMessage(), e);
    }
}
