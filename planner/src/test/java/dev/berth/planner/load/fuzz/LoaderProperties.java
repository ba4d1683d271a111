package dev.berth.planner.load.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import dev.berth.planner.StackException;
import dev.berth.planner.graph.ServiceGraph;
import dev.berth.planner.load.CanonicalJson;
import dev.berth.planner.load.LoadOptions;
import dev.berth.planner.load.LoadResult;
import dev.berth.planner.load.ProjectLoader;
import dev.berth.planner.load.StandardStages;
import dev.berth.planner.model.Project;
import dev.berth.planner.tree.MapNode;

/**
 * Random stack files through the real loader ({@link ProjectLoader} with {@link StandardStages}),
 * from a project folder on disk or from standard input: files written from the grammar load, and
 * broken ones fail with a {@link StackException} located in a file of the project, never with any
 * other exception and never naming a Java class.
 */
class LoaderProperties {

    private static final Map<String, String> OS_ENVIRONMENT = Map.of("TAG", "1.2", "INHERITED", "from-os",
            "READ_ONLY", "true", "NESTED", "");
    private static Path project;
    private static Pattern located;

    @BeforeContainer
    static void createProject() throws IOException {
        project = Files.createTempDirectory("berth-loader-props").toRealPath();
        Files.writeString(project.resolve(StackWriter.COMMON_FILE), StackWriter.COMMON_TEXT);
        Files.writeString(project.resolve(StackWriter.ENV_FILE), StackWriter.ENV_TEXT);
        Files.writeString(project.resolve(".env"), "# interpolation defaults\nREDIS_TAG=7.2\nDATA_DIR=./data\n");
        Files.writeString(project.resolve("Dockerfile"), "FROM scratch\n");
        Files.createDirectories(project.resolve("src"));
        Files.createDirectories(project.resolve(StackWriter.INCLUDED_FILE).getParent());
        Files.writeString(project.resolve(StackWriter.INCLUDED_FILE), StackWriter.INCLUDED_TEXT);
        Files.writeString(project.resolve(StackWriter.OVERRIDE_FILE), StackWriter.OVERRIDE_TEXT);
        // FILE:LINE:COLUMN: message, or FILE: message for file-level errors; FILE is in the project or "-".
        located = Pattern.compile("(?s)(" + Pattern.quote(project.toString()) + "/[^:\\s]+|-)(:\\d+:\\d+)?: \\S.*");
    }

    @AfterContainer
    static void removeProject() throws IOException {
        try (Stream<Path> paths = Files.walk(project)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Property(tries = 4000)
    void generatedStack_loadsAndBuildsItsGraph(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        String text = new StackWriter(random).write();

        MapNode model;
        try {
            model = load(text, random);
        } catch (StackException e) {
            throw new AssertionError("a valid stack was refused: " + e.getMessage() + "\n" + text, e);
        }

        assertThat(model.get("services")).isInstanceOf(MapNode.class);
        ServiceGraph graph = ServiceGraph.of(Project.from(model, project));
        assertThat(graph.startOrder()).containsExactlyInAnyOrderElementsOf(((MapNode) model.get("services")).keys());
        assertThat(CanonicalJson.pretty(model)).startsWith("{");
    }

    @Property(tries = 6000)
    void mutatedStack_loadsOrFailsWithLocatedMessage(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        String text = new StackMutator(random).mutate(new StackWriter(random).write());

        try {
            MapNode model = load(text, random);
            ServiceGraph.of(Project.from(model, project)).levels();
            CanonicalJson.pretty(model);
        } catch (StackException e) {
            assertThat(e.getMessage()).as("error for\n%s", text).matches(located)
                    .doesNotContain("Exception").doesNotContain("java.").doesNotContain("at dev.");
        }
    }

    /**
     * Loads {@code text} as {@code compose.yaml} in the project, or from standard input one time in
     * four; one time in four with the override file after it.
     */
    private static MapNode load(String text, Random random) throws IOException {
        LoadOptions options = LoadOptions.defaults(project, OS_ENVIRONMENT, project.resolve("home"));
        if (random.nextInt(4) == 0) {
            options = options.withFiles(List.of("-")).withStdin(() -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } else {
            Path file = project.resolve("compose.yaml");
            Files.writeString(file, text);
            options = options.withFiles(List.of(file.toString()));
        }
        if (random.nextInt(4) == 0) {
            List<String> files = new ArrayList<>(options.files());
            files.add(project.resolve(StackWriter.OVERRIDE_FILE).toString());
            options = options.withFiles(files);
        }
        if (random.nextBoolean()) {
            options = options.withProfiles(List.of("debug"));
        }
        LoadResult result = new ProjectLoader(new StandardStages()).load(options);
        return result.model();
    }
}
