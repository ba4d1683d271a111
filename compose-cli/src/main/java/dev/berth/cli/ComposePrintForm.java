package dev.berth.cli;

import java.util.ArrayList;
import java.util.List;

import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;
import dev.berth.planner.tree.SeqNode;

/**
 * The canonical model as {@code docker compose config} prints it, where a compose-go type prints
 * a value otherwise than berth's model holds it (compose-go {@code types/*.go}, their
 * {@code MarshalYAML}/{@code MarshalJSON} and {@code omitempty} tags). The model keeps the form the
 * loader merges and the planner reads; only the printed text changes:
 * <ul>
 *   <li>a secret's or config's {@code mode} (also under {@code build.secrets}) prints as
 *       {@code "0"} and its octal digits, a string ({@code FileMode.String}: 288 prints
 *       {@code "0440"});</li>
 *   <li>{@code build.ssh}, a mapping of key id to path in the model, prints as a list
 *       ({@code SSHConfig}): {@code default} for an id without path, {@code id=path} otherwise (the
 *       form Compose reads; Compose's own YAML prints {@code "id: path"}, which it cannot read back,
 *       and its JSON fails), sorted by id;</li>
 *   <li>{@code provider.options} print each value as a list of strings ({@code MultiOptions});</li>
 *   <li>an empty {@code dns} list is left out ({@code StringList} with {@code omitempty}).</li>
 * </ul>
 */
final class ComposePrintForm {

    private ComposePrintForm() {
    }

    /** {@code model} with the values above in Compose's printed form; other values as they are. */
    static MapNode of(MapNode model) {
        if (!(model.get("services") instanceof MapNode services)) {
            return model;
        }
        return model.with("services", services.mapValues((name, s) -> s instanceof MapNode service ? service(service) : s));
    }

    private static MapNode service(MapNode s) {
        return s.mapValues((key, value) -> switch (key) {
            case "secrets", "configs" -> modes(value);
            case "build" -> value instanceof MapNode build ? build(build) : value;
            case "provider" -> value instanceof MapNode p && p.get("options") instanceof MapNode options
                    ? p.with("options", options.mapValues((k, v) -> stringList(v))) : value;
            case "dns" -> value instanceof SeqNode seq && seq.size() == 0 ? null : value;
            default -> value;
        });
    }

    private static MapNode build(MapNode build) {
        return build.mapValues((key, value) -> switch (key) {
            case "secrets" -> modes(value);
            case "ssh" -> value instanceof MapNode ssh ? sshList(ssh) : value;
            default -> value;
        });
    }

    /** Each file reference of the list with its {@code mode} as Compose prints a file mode. */
    private static Node modes(Node value) {
        if (!(value instanceof SeqNode seq)) {
            return value;
        }
        List<Node> items = new ArrayList<>();
        for (Node item : seq.items()) {
            items.add(item instanceof MapNode ref && ref.get("mode") instanceof ScalarNode mode && mode.value() instanceof Long m
                    ? ref.with("mode", mode.withValue(fileMode(m))) : item);
        }
        return seq.withItems(items);
    }

    /** Go's {@code fmt.Sprintf("0%o", mode)}. */
    static String fileMode(long mode) {
        return "0" + Long.toString(mode, 8);
    }

    private static SeqNode sshList(MapNode ssh) {
        List<Node> items = new ArrayList<>();
        ssh.keys().stream().sorted().forEach(id -> {
            Node path = ssh.get(id);
            String text = path instanceof ScalarNode p && p.value() != null ? id + "=" + p.asText() : id;
            items.add(ScalarNode.of(text, ssh.keyLocation(id)));
        });
        return SeqNode.of(items, ssh.location()).withDirective(ssh.directive());
    }

    /** A scalar as a one-item list of its text, a list as its items' texts. */
    private static Node stringList(Node value) {
        return switch (value) {
            case ScalarNode s -> SeqNode.of(List.of(ScalarNode.of(s.asText(), s.location())), s.location());
            case SeqNode seq -> seq.withItems(seq.items().stream()
                    .map(i -> i instanceof ScalarNode s && !s.isString() ? ScalarNode.of(s.asText(), s.location()) : i)
                    .toList());
            default -> value;
        };
    }
}
