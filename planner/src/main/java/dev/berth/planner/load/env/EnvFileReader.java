package dev.berth.planner.load.env;

import java.nio.file.Path;
import java.util.SequencedMap;
import java.util.function.Function;

import dev.berth.planner.load.text.TextFileReader;

/**
 * Reads one dotenv file from disk, within the env file size limit and as strict UTF-8
 * ({@link TextFileReader}); every failure is a {@link dev.berth.planner.StackException} naming the file.
 */
public final class EnvFileReader {

    private EnvFileReader() {
    }

    /** Parses {@code file} as dotenv ({@code raw} false) or raw lines; its path names it in errors. */
    public static SequencedMap<String, String> read(Path file, boolean raw, Function<String, String> lookup) {
        String content = TextFileReader.read(file, TextFileReader.Kind.ENV_FILE);
        return raw ? DotEnvParser.parseRaw(file.toString(), content)
                : DotEnvParser.parse(file.toString(), content, lookup);
    }
}
