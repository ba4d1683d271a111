package dev.berth.planner.model;

import dev.berth.planner.tree.MapNode;

/** A service mount in canonical form (compose-spec {@code 05-services.md#volumes}). */
public sealed interface Mount permits Mount.Bind, Mount.Volume, Mount.Tmpfs, Mount.Other {

    String target();

    boolean readOnly();

    /** A host path mounted into the container; {@code source} is absolute. */
    record Bind(String source, String target, boolean readOnly, boolean createHostPath, String propagation,
                String selinux) implements Mount {
    }

    /** A named volume ({@code source} is the key under top-level {@code volumes}) or an anonymous one ({@code source} null). */
    record Volume(String source, String target, boolean readOnly, boolean nocopy, String subpath) implements Mount {

        public boolean anonymous() {
            return source == null;
        }
    }

    /** A memory file system; {@code sizeBytes} and {@code mode} null when not given. */
    record Tmpfs(String target, Long sizeBytes, Long mode) implements Mount {

        @Override
        public boolean readOnly() {
            return false;
        }
    }

    /** A mount type berth accepts but does not treat specially: image, npipe, cluster. */
    record Other(String type, String source, String target, boolean readOnly) implements Mount {
    }

    static Mount from(MapNode m) {
        String type = Fields.string(m, "type");
        String source = Fields.string(m, "source");
        String target = Fields.string(m, "target");
        boolean ro = Fields.flag(m, "read_only");
        return switch (type == null ? "volume" : type) {
            case "bind" -> {
                MapNode bind = Fields.map(m, "bind");
                yield new Bind(source, target, ro, Fields.flag(bind, "create_host_path"), Fields.string(bind, "propagation"),
                        Fields.string(bind, "selinux"));
            }
            case "volume" -> {
                MapNode vol = Fields.map(m, "volume");
                yield new Volume(source == null || source.isEmpty() ? null : source, target, ro, Fields.flag(vol, "nocopy"),
                        Fields.string(vol, "subpath"));
            }
            case "tmpfs" -> {
                MapNode tmpfs = Fields.map(m, "tmpfs");
                yield new Tmpfs(target, Fields.number(tmpfs, "size"), Fields.number(tmpfs, "mode"));
            }
            default -> new Other(type, source, target, ro);
        };
    }
}
