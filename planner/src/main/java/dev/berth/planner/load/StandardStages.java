package dev.berth.planner.load;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.berth.planner.load.canonical.CanonicalOptions;
import dev.berth.planner.load.canonical.Canonicalizer;
import dev.berth.planner.load.canonical.ConsistencyChecker;
import dev.berth.planner.load.canonical.Normalizer;
import dev.berth.planner.load.validate.SchemaValidator;
import dev.berth.planner.tree.MapNode;

/**
 * berth's {@link ModelStages}: {@link SchemaValidator}, {@link Canonicalizer}, {@link Normalizer}
 * and {@link ConsistencyChecker}. The stages keep no state between calls: every folder they need
 * is passed in, so one instance serves any number of loads.
 */
public final class StandardStages implements ModelStages {

    /**
     * Built on a thread of its own as soon as this class is first used: reading and compiling the
     * schema (~30 ms of code run cold) overlaps reading the stack files.
     */
    private static final CompletableFuture<SchemaValidator> VALIDATOR = CompletableFuture.supplyAsync(
            SchemaValidator::new, task -> Thread.ofPlatform().name("berth-schema").daemon().start(task));

    private final Canonicalizer canonicalizer = new Canonicalizer();
    private final Normalizer normalizer = new Normalizer();
    private final ConsistencyChecker checker = new ConsistencyChecker();

    /**
     * Starts building the schema validator now, if it is not under way already: for a caller that
     * knows a load follows, so that the build overlaps its own start-up work (a CLI parsing its
     * arguments).
     */
    public static void prepare() {
        VALIDATOR.isDone();
    }

    @Override
    public void validate(MapNode document) {
        validator().validate(document);
    }

    private static SchemaValidator validator() {
        try {
            return VALIDATOR.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public MapNode canonicalize(MapNode document, Path baseDir, Path homeDir, CanonicalOptions options) {
        return canonicalizer.canonicalize(document, baseDir, homeDir, options);
    }

    @Override
    public MapNode normalize(MapNode model, String projectName, Path projectDir, boolean resolvePaths) {
        String defaultContext = resolvePaths ? projectDir.toAbsolutePath().normalize().toString() : ".";
        return normalizer.normalize(model, projectName, defaultContext);
    }

    @Override
    public void check(MapNode model) {
        checker.check(model);
    }
}
