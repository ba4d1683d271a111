package dev.berth.cli.engine;

import dev.berth.engine.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth engine rm [--force] [-v] CONTAINER...}, like {@code docker rm}. */
@Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove containers.")
public final class RmCommand extends ContainerVerb {

    @Option(names = "--force", description = "Kill a running container first (no -f: berth's global -f names a stack file).")
    boolean force;

    @Option(names = {"-v", "--volumes"}, description = "Remove the container's anonymous volumes too.")
    boolean volumes;

    @Override
    void apply(Engine engine, String container) {
        engine.remove(container, force, volumes);
    }
}
