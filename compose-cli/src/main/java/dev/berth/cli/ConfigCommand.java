package dev.berth.cli;

import dev.berth.cli.output.Warnings;
import static dev.berth.cli.CodedOptions.flag;
import static dev.berth.cli.CodedOptions.isSet;
import static dev.berth.cli.CodedOptions.value;
import static dev.berth.cli.CodedOptions.valueOf;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.berth.planner.graph.ServiceGraph;
import dev.berth.planner.load.CanonicalJson;
import dev.berth.planner.load.LoadResult;
import dev.berth.planner.load.interpolate.VariableExtractor;
import dev.berth.planner.model.Project;
import dev.berth.planner.tree.MapNode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code berth config}: loads the stack as every other verb does and prints its canonical model
 * (keys sorted, every short syntax in its long form, values printed as Compose prints them:
 * {@link ComposePrintForm}) as YAML or JSON, or one of its lists, the
 * variables it uses ({@link VariableListing}) or its interpolation environment, as
 * {@code docker compose config} does (reference compose.md §3). Its model is declared in code
 * ({@link #spec}), see {@link CodedOptions} for why.
 */
public final class ConfigCommand implements Runnable {

    /** The list flags Compose answers before {@code --variables} (cmd/compose/config.go), with {@code --hash}. */
    private static final List<String> LISTS_BEFORE_VARIABLES = List.of("--services", "--volumes", "--networks",
            "--profiles", "--images");

    private final CommandSpec spec;

    private ConfigCommand() {
        spec = CommandSpec.wrapWithoutInspection(this);
        spec.name("config");
        spec.usageMessage().description("Parse, resolve and render the stack file in canonical format.");
        CodedOptions.addStandardHelp(spec);
        spec.addOption(value(String.class, "FORMAT", "Output format: yaml or json (default: yaml).", "--format")
                .build());
        spec.addOption(flag("Print the service names, one per line.", "--services").build());
        spec.addOption(flag("Print the volume names, one per line.", "--volumes").build());
        spec.addOption(flag("Print the network names, one per line.", "--networks").build());
        spec.addOption(flag("Print the profile names, one per line.", "--profiles").build());
        spec.addOption(flag("Print the image names, one per line.", "--images").build());
        spec.addOption(value(String.class, "SERVICE",
                "Print the config hash of the named services (comma-separated, or \"*\" for all).", "--hash").build());
        spec.addOption(flag("Only validate the stack, print nothing.", "-q", "--quiet").build());
        spec.addOption(flag("Don't interpolate environment variables.", "--no-interpolate").build());
        spec.addOption(flag("Don't add defaults and names (default network, resource names).", "--no-normalize")
                .build());
        spec.addOption(flag("Don't resolve file paths (relative paths and ~ stay as written).", "--no-path-resolution")
                .build());
        spec.addOption(flag("Don't resolve service env files (env_file stays, not merged into environment).",
                "--no-env-resolution").build());
        spec.addOption(flag("Don't check model consistency - warning: may produce invalid Compose output.",
                "--no-consistency").build());
        spec.addOption(flag("Print the variables the stack uses, with their default and alternate values "
                + "(sorted by name).", "--variables").build());
        spec.addOption(flag("Print the environment used for interpolation, KEY=VALUE per line.", "--environment")
                .build());
        spec.addOption(value(Path.class, "FILE", "Save to FILE instead of standard output.", "-o", "--output")
                .build());
        spec.addPositional(PositionalParamSpec.builder().paramLabel("SERVICE").arity("0..*").type(List.class)
                .auxiliaryTypes(String.class).description("Services to print (they enable their profiles).").build());
    }

    /** A new {@code config} command's picocli model, to add under {@code berth}. */
    static CommandSpec spec() {
        return new ConfigCommand().spec;
    }

    @Override
    public void run() {
        if (isSet(spec, "--variables") && LISTS_BEFORE_VARIABLES.stream().noneMatch(o -> isSet(spec, o))
                && valueOf(spec, "--hash", null) == null) {
            variables();
            return;
        }
        ConfigFormat chosen = ConfigFormat.parse(valueOf(spec, "--format", "yaml"));
        List<String> serviceNames = serviceNames();
        PrintWriter err = spec.commandLine().getErr();
        LoadResult result = berth().stackLoading().load(options -> options.withServices(serviceNames)
                .withInterpolate(!isSet(spec, "--no-interpolate")).withNormalize(!isSet(spec, "--no-normalize"))
                .withResolvePaths(!isSet(spec, "--no-path-resolution"))
                .withResolveEnvironment(!isSet(spec, "--no-env-resolution"))
                .withConsistency(!isSet(spec, "--no-consistency")), err);
        if (isSet(spec, "--quiet")) {
            return;
        }
        write(render(serviceNames.isEmpty() ? result : selected(result, serviceNames), chosen));
    }

    /**
     * {@code --variables}: the variables of the whole model, loaded as Compose's runVariables
     * loads it (not interpolated, not validated, env_file not read, every profile's services),
     * without the consistency check Compose does not run on a model either.
     */
    private void variables() {
        PrintWriter err = spec.commandLine().getErr();
        if (!serviceNames().isEmpty()) {
            Warnings.print(err, List.of("service filtering is not applied when --variables is set, "
                    + "variables from the full model will be rendered"));
        }
        LoadResult result = berth().stackLoading().load(options -> options.withInterpolate(false).withValidate(false)
                .withResolveEnvironment(false).withConsistency(false).withProfiles(List.of("*"))
                .withNormalize(!isSet(spec, "--no-normalize")).withResolvePaths(!isSet(spec, "--no-path-resolution")),
                err);
        String text = new VariableListing(new VariableExtractor().extract(result.model()))
                .render(valueOf(spec, "--format", ""));
        if (!isSet(spec, "--quiet")) {
            write(text);
        }
    }

    private BerthCommand berth() {
        return (BerthCommand) spec.parent().userObject();
    }

    private List<String> serviceNames() {
        List<String> names = spec.positionalParameters().getFirst().getValue();
        return names == null ? List.of() : List.copyOf(names);
    }

    /** The result with only the named services and the services they depend on, as Compose prints it. */
    private LoadResult selected(LoadResult result, List<String> serviceNames) {
        MapNode model = result.model();
        Set<String> keep = new HashSet<>(ServiceGraph.of(Project.from(model, result.workingDir()))
                .withDependencies(new HashSet<>(serviceNames)));
        MapNode services = (MapNode) model.get("services");
        MapNode kept = services.mapValues((name, service) -> keep.contains(name) ? service : null);
        return new LoadResult(model.with("services", kept), result.projectName(), result.workingDir(),
                result.configFiles(), result.warnings(), result.environment(), result.profiles());
    }

    private String render(LoadResult result, ConfigFormat chosen) {
        ConfigLists lists = new ConfigLists(result);
        String hash = valueOf(spec, "--hash", null);
        if (hash != null) {
            return lines(lists.hashes(hash));
        }
        if (isSet(spec, "--services")) {
            return lines(lists.services());
        }
        if (isSet(spec, "--volumes")) {
            return lines(lists.keys("volumes"));
        }
        if (isSet(spec, "--networks")) {
            return lines(lists.keys("networks"));
        }
        if (isSet(spec, "--profiles")) {
            return lines(result.profiles());
        }
        if (isSet(spec, "--images")) {
            return lines(lists.images());
        }
        if (isSet(spec, "--environment")) {
            return lines(lists.environment());
        }
        MapNode model = ComposePrintForm.of(result.model());
        return chosen == ConfigFormat.JSON ? CanonicalJson.pretty(model) : CanonicalJson.yaml(model);
    }

    private static String lines(List<String> items) {
        StringBuilder out = new StringBuilder();
        items.forEach(i -> out.append(i).append('\n'));
        return out.toString();
    }

    private void write(String text) {
        Path output = valueOf(spec, "--output", null);
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return;
        }
        Path target = berth().process().workingDir().resolve(output);
        try {
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExitCodes.UserException("cannot write " + target + ": " + e.getMessage());
        }
    }

    /** The two output formats of the model. */
    enum ConfigFormat {
        YAML, JSON;

        static ConfigFormat parse(String text) {
            return switch (text) {
                case "yaml" -> YAML;
                case "json" -> JSON;
                default -> throw new ExitCodes.UserException("unsupported format \"" + text
                        + "\" (expected yaml or json)");
            };
        }
    }
}
