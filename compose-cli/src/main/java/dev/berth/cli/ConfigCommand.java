package dev.berth.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.berth.planner.graph.ServiceGraph;
import dev.berth.planner.load.CanonicalJson;
import dev.berth.planner.load.LoadResult;
import dev.berth.planner.load.tree.MapNode;
import dev.berth.planner.model.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code berth config}: loads the stack as every other verb does and prints its canonical model
 * (keys sorted, every short syntax in its long form) as YAML or JSON, or one of its lists, as
 * {@code docker compose config} does (reference compose.md §3).
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Parse, resolve and render the stack file in canonical format.")
public final class ConfigCommand implements Runnable {

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: yaml or json (default: yaml).")
    String format = "yaml";

    @Option(names = "--services", description = "Print the service names, one per line.")
    boolean services;

    @Option(names = "--volumes", description = "Print the volume names, one per line.")
    boolean volumes;

    @Option(names = "--networks", description = "Print the network names, one per line.")
    boolean networks;

    @Option(names = "--profiles", description = "Print the profile names, one per line.")
    boolean profiles;

    @Option(names = "--images", description = "Print the image names, one per line.")
    boolean images;

    @Option(names = "--hash", paramLabel = "SERVICE",
            description = "Print the config hash of the named services (comma-separated, or \"*\" for all).")
    String hash;

    @Option(names = {"-q", "--quiet"}, description = "Only validate the stack, print nothing.")
    boolean quiet;

    @Option(names = "--no-interpolate", description = "Don't interpolate environment variables.")
    boolean noInterpolate;

    @Option(names = "--no-normalize", description = "Don't add defaults and names (default network, resource names).")
    boolean noNormalize;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Save to FILE instead of standard output.")
    Path output;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services to print (they enable their profiles).")
    List<String> serviceNames = new ArrayList<>();

    @ParentCommand
    BerthCommand berth;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        ConfigFormat chosen = ConfigFormat.parse(format);
        PrintWriter err = spec.commandLine().getErr();
        LoadResult result = berth.stackLoading().load(options -> options.withServices(serviceNames)
                .withInterpolate(!noInterpolate).withNormalize(!noNormalize), err);
        if (quiet) {
            return;
        }
        write(render(serviceNames.isEmpty() ? result : selected(result), chosen));
    }

    /** The result with only the named services and the services they depend on, as Compose prints it. */
    private LoadResult selected(LoadResult result) {
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
        if (hash != null) {
            return lines(lists.hashes(hash));
        }
        if (services) {
            return lines(lists.services());
        }
        if (volumes) {
            return lines(lists.keys("volumes"));
        }
        if (networks) {
            return lines(lists.keys("networks"));
        }
        if (profiles) {
            return lines(result.profiles());
        }
        if (images) {
            return lines(lists.images());
        }
        MapNode model = result.model();
        return chosen == ConfigFormat.JSON ? CanonicalJson.pretty(model) : CanonicalJson.yaml(model);
    }

    private static String lines(List<String> items) {
        StringBuilder out = new StringBuilder();
        items.forEach(i -> out.append(i).append('\n'));
        return out.toString();
    }

    private void write(String text) {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return;
        }
        Path target = berth.process().workingDir().resolve(output);
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
