package dev.berth.cli.engine;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.berth.engine.core.EngineException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The shared loop of the {@code inspect} verbs, as the docker CLI runs them: each name is looked
 * up, what is found is printed as one indented JSON array (empty when nothing was found), each
 * failure goes to stderr, and the exit code is 1 when any failed.
 */
final class InspectEach {

    private static final ObjectWriter PRETTY = new ObjectMapper().writer(SerializationFeature.INDENT_OUTPUT);

    /**
     * Turns one name into the JSON value that stands for it; an {@link EngineException} is that
     * name's failure, any other exception ends the command.
     */
    @FunctionalInterface
    interface Lookup {
        Object json(String name) throws IOException;
    }

    private InspectEach() {
    }

    /**
     * @param errorPrefix put before each failure's message ({@code ""} for none)
     * @return the exit code: 0 when every name was found, else 1
     */
    static int print(List<String> names, CommandSpec spec, String errorPrefix, Lookup lookup)
            throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Object> found = new ArrayList<>();
        int exit = 0;
        for (String name : names) {
            try {
                found.add(lookup.json(name));
            } catch (EngineException e) {
                err.println(errorPrefix + e.getMessage());
                exit = 1;
            }
        }
        out.println(PRETTY.writeValueAsString(found));
        out.flush();
        err.flush();
        return exit;
    }
}
