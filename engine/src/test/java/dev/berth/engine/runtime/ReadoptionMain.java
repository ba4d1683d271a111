package dev.berth.engine.runtime;

import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM by {@link ReadoptionIT}: starts a long container and a short one on the data
 * root given as argument, prints both IDs, then waits to be killed.
 */
public final class ReadoptionMain {

    private ReadoptionMain() {
    }

    public static void main(String[] args) throws Exception {
        ContainerRuntime runtime = new ContainerRuntime(Path.of(args[0]));
        Path layer = Path.of(args[1]);
        String shortId = runtime.create(CreateOptions.builder(List.of(layer))
                .command("sh", "-c", "echo bye; exit 3").build());
        runtime.start(shortId);
        runtime.waitFor(shortId);
        String longId = runtime.create(CreateOptions.builder(List.of(layer)).command("sh", "-c",
                "trap 'echo stopping; exit 42' TERM; echo started; while true; do sleep 0.05; done").build());
        runtime.start(longId);
        System.out.println(longId + " " + shortId);
        System.out.flush();
        System.in.read();
    }
}
