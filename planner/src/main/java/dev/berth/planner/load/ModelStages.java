package dev.berth.planner.load;

import java.nio.file.Path;

import dev.berth.planner.load.canonical.CanonicalOptions;
import dev.berth.planner.tree.MapNode;

/**
 * The loader stages that understand the stack file's keys, in the order the loader calls them
 * (compose-spec, and compose-go's loader/loader.go): per document after interpolation
 * {@link #validate} then {@link #canonicalize}; on the merged model {@link #normalize} then
 * {@link #check}. Each stage keeps every value's {@link dev.berth.planner.tree.Location} and
 * throws {@link dev.berth.planner.StackException} with a located message.
 */
public interface ModelStages {

    /** Validates one interpolated document against the stack file's JSON Schema. */
    void validate(MapNode document);

    /**
     * Rewrites every short syntax of one validated document into its canonical long form, resolving
     * relative paths against {@code baseDir} and {@code ~} against {@code homeDir} unless
     * {@code options} say not to (then host paths stay as written). Merge directives
     * ({@code !reset}, {@code !override}) stay on the nodes they were written on.
     */
    MapNode canonicalize(MapNode document, Path baseDir, Path homeDir, CanonicalOptions options);

    /** {@link #canonicalize(MapNode, Path, Path, CanonicalOptions)} with the standard options. */
    default MapNode canonicalize(MapNode document, Path baseDir, Path homeDir) {
        return canonicalize(document, baseDir, homeDir, CanonicalOptions.standard());
    }

    /**
     * Adds defaults and names to the merged model: default network, resource names, implicit
     * dependencies; the default build context is {@code projectDir}, or {@code .} when
     * {@code resolvePaths} is false.
     */
    MapNode normalize(MapNode model, String projectName, Path projectDir, boolean resolvePaths);

    /** {@link #normalize(MapNode, String, Path, boolean)} with paths resolved. */
    default MapNode normalize(MapNode model, String projectName, Path projectDir) {
        return normalize(model, projectName, projectDir, true);
    }

    /** Refuses a model whose parts do not fit together: undefined references, cycles, exclusive keys. */
    void check(MapNode model);
}
