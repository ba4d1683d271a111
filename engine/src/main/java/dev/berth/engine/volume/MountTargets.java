package dev.berth.engine.volume;

/** Checks container-side mount paths the way Docker does. */
final class MountTargets {

    private MountTargets() {
    }

    static void requireAbsolute(String type, String target) {
        if (target == null || !target.startsWith("/")) {
            throw new VolumeException("invalid mount config for type \"" + type + "\": invalid mount path: '"
                    + target + "' mount path must be absolute");
        }
        if (target.equals("/")) {
            throw new VolumeException("invalid mount config for type \"" + type + "\": invalid specification:"
                    + " destination can't be '/'");
        }
    }
}
