package dev.berth.planner.model;

import dev.berth.planner.tree.MapNode;

/**
 * A secret or config granted to a service (compose-spec {@code 05-services.md#secrets}): the
 * top-level definition {@code source}, placed at {@code target} (for secrets
 * {@code /run/secrets/<source>} by default; for configs null means {@code /<source>}).
 */
public record FileMount(String source, String target, String uid, String gid, Long mode) {

    static FileMount from(MapNode m) {
        return new FileMount(Fields.string(m, "source"), Fields.string(m, "target"), Fields.string(m, "uid"),
                Fields.string(m, "gid"), Fields.number(m, "mode"));
    }
}
