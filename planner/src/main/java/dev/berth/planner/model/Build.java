package dev.berth.planner.model;

import java.util.List;
import java.util.Map;

import dev.berth.planner.tree.MapNode;

/**
 * How to build a service's image (compose-spec {@code build.md}).
 *
 * @param context an absolute folder or a remote URL
 * @param dockerfile the Containerfile's path relative to the context, null when {@code dockerfileInline} is given
 * @param args build arguments; a null value means the argument is passed without a value
 */
public record Build(String context, String dockerfile, String dockerfileInline, Map<String, String> args, String target,
                    Map<String, String> labels, List<String> tags, String network, boolean noCache, boolean pull) {

    static Build from(MapNode m) {
        return new Build(Fields.string(m, "context"), Fields.string(m, "dockerfile"), Fields.string(m, "dockerfile_inline"),
                Fields.stringMap(m, "args"), Fields.string(m, "target"), Fields.stringMap(m, "labels"),
                Fields.stringsOrEmpty(m, "tags"), Fields.string(m, "network"), Fields.flag(m, "no_cache"), Fields.flag(m, "pull"));
    }
}
