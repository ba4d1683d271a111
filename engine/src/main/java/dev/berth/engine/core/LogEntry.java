package dev.berth.engine.core;

/**
 * One line of a container's json-file log, as Docker's json-file driver writes it: a line of output
 * (with its newline), or a piece of at most 16 KiB of a longer line (without one).
 *
 * @param log    the text; bytes the container printed that were not UTF-8 are U+FFFD, one per byte
 * @param stream "stdout" or "stderr"
 * @param time   RFC 3339 with up to nine fraction digits (Go's RFC3339Nano), UTC
 */
public record LogEntry(String log, String stream, String time) {
}
