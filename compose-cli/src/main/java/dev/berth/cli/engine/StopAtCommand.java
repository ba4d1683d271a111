package dev.berth.cli.engine;

import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Makes a command stop reading its own options at the first positional parameter, so that in
 * {@code run IMAGE sh -c ...} and {@code exec ID ls -l} the {@code -c} and {@code -l} belong to
 * the container's command, as with Docker.
 */
final class StopAtCommand implements IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec spec) {
        spec.parser().stopAtPositional(true);
        return spec;
    }
}
