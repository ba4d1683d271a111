package dev.berth.engine;

import java.util.List;

/**
 * The processes of a running container as {@code docker top} shows them: {@code ps -ef}'s columns
 * and one row per process, host PIDs, oldest first.
 */
public record ContainerProcesses(List<String> titles, List<List<String>> processes) {

    public ContainerProcesses {
        titles = List.copyOf(titles);
        processes = processes.stream().map(List::copyOf).toList();
    }
}
