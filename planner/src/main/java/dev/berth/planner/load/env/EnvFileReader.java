package dev.berth.planner.load.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SequencedMap;
import java.util.function.Function;

import dev.berth.planner.StackException;

/** Reads one dotenv file from disk, turning I/O failures into {@link StackException}s. */
public final class EnvFileReader {

    private EnvFileReader() {
    }

    /** Parses {@code file} as dotenv ({@code raw} false) or raw lines; its path names it in errors. */
    public static SequencedMap<String, String> read(Path file, boolean raw, Function<String, String> lookup) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException(file + ": cannot read env file: " + e.getMessage(), e);
        }
        return raw ? DotEnvParser.parseRaw(file.toString(), content)
                : DotEnvParser.parse(file.toString(), content, lookup);
    }
}
