package dev.berth.engine;

/**
 * One mount of a container as Docker's inspect shows it ({@code Mounts[]}).
 *
 * @param type        bind, volume or tmpfs
 * @param name        the volume's name for a volume, else null
 * @param source      the host path for a bind or volume, else null
 * @param destination the path inside the container
 * @param readWrite   false for read-only mounts
 * @param options     a tmpfs's options ({@code size=1m,mode=1777}), else empty
 */
public record MountView(String type, String name, String source, String destination, boolean readWrite,
                        String options) {
}
