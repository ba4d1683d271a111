package dev.berth.cli.engine;

import java.util.List;
import java.util.concurrent.Callable;

import dev.berth.engine.Engine;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * A {@code berth engine} verb applied to each container named ({@code kill}, {@code pause},
 * {@code rm}, {@code stop}, {@code unpause}): the arguments they share, and the docker CLI's way of
 * reporting each container ({@link EachContainer}).
 */
abstract class ContainerVerb implements Callable<Integer>, ChangesEngineState {

    @ParentCommand
    EngineCommand engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER", description = "Container IDs, ID prefixes or names.")
    List<String> containers;

    /** The verb on one container; an {@link dev.berth.engine.core.EngineException} is reported for it alone. */
    abstract void apply(Engine engine, String container);

    @Override
    public Integer call() {
        return EachContainer.apply(containers, spec, ref -> apply(engine.engine(), ref));
    }
}
