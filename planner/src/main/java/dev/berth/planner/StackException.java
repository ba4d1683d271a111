package dev.berth.planner;

/**
 * A stack file that cannot be used as written: a syntax error, a failed validation, an undefined
 * reference, a cycle. The message is complete and meant for a person: where (file:line:column when
 * known), what, and how to fix it.
 */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
