package dev.berth.engine.volume;

/** The named volume does not exist (Docker answers 404 with the same words). */
public final class NoSuchVolumeException extends VolumeException {

    public NoSuchVolumeException(String operation, String name) {
        super(operation + " " + name + ": no such volume");
    }
}
