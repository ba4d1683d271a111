package dev.berth.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

import dev.berth.planner.load.interpolate.Variable;

/**
 * What {@code berth config --variables} prints, as {@code docker compose config --variables}
 * (cmd/compose/config.go {@code runVariables}) prints compose-go's {@code map[string]Variable}:
 * a table ({@code table}, the default) with the columns {@code NAME}, {@code REQUIRED},
 * {@code DEFAULT VALUE} and {@code ALTERNATE VALUE} laid out by {@link TabWriter}; Go's
 * {@code encoding/json} of the map indented by four spaces, followed by an empty line
 * ({@code json}); or yaml.v3's YAML of the map, whose struct fields have lower-cased names
 * ({@code yaml}). Compose prints the table rows in Go's random map order; berth sorts them by
 * name, as the JSON and YAML (whose encoders sort keys) are.
 */
final class VariableListing {

    private static final TabWriter TABLE = new TabWriter(20, 3);

    private final SortedMap<String, Variable> variables;

    VariableListing(SortedMap<String, Variable> variables) {
        this.variables = variables;
    }

    /**
     * The listing in {@code format} as Compose reads it: exactly {@code yaml}; else, ignoring case,
     * {@code table} (also empty, or the deprecated {@code pretty}) or {@code json} (also
     * {@code {{json.}}}); anything else is refused with Compose's message.
     */
    String render(String format) {
        if (format.equals("yaml")) {
            return yaml();
        }
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "", "table", "pretty" -> table();
            case "json", "{{json.}}" -> json();
            default -> throw new ExitCodes.UserException("format value \"" + format
                    + "\" could not be parsed: parsing failed");
        };
    }

    String table() {
        StringBuilder text = new StringBuilder("NAME\tREQUIRED\tDEFAULT VALUE\tALTERNATE VALUE\n");
        variables.values().forEach(v -> text.append(v.name()).append('\t').append(v.required()).append('\t')
                .append(v.defaultValue()).append('\t').append(v.presenceValue()).append('\n'));
        return TABLE.format(text.toString());
    }

    String json() {
        if (variables.isEmpty()) {
            return "{}\n\n";
        }
        List<String> entries = new ArrayList<>();
        for (Variable v : variables.values()) {
            entries.add("    " + GoJsonText.quote(v.name()) + ": {\n"
                    + "        \"Name\": " + GoJsonText.quote(v.name()) + ",\n"
                    + "        \"DefaultValue\": " + GoJsonText.quote(v.defaultValue()) + ",\n"
                    + "        \"PresenceValue\": " + GoJsonText.quote(v.presenceValue()) + ",\n"
                    + "        \"Required\": " + v.required() + "\n"
                    + "    }");
        }
        return "{\n" + String.join(",\n", entries) + "\n}\n\n";
    }

    String yaml() {
        if (variables.isEmpty()) {
            return "{}\n";
        }
        GoYamlText yaml = new GoYamlText();
        StringBuilder out = new StringBuilder();
        variables.keySet().stream().sorted(GoYamlText.KEY_ORDER).forEach(name -> {
            Variable v = variables.get(name);
            out.append(yaml.scalar(name)).append(":\n")
                    .append("    name: ").append(yaml.scalar(v.name())).append('\n')
                    .append("    defaultvalue: ").append(yaml.scalar(v.defaultValue())).append('\n')
                    .append("    presencevalue: ").append(yaml.scalar(v.presenceValue())).append('\n')
                    .append("    required: ").append(v.required()).append('\n');
        });
        return out.toString();
    }
}
