package dev.berth.engine.api;

/**
 * A request the API answers with an error: the HTTP status Docker uses for this failure and a
 * message, sent as {@code {"message": "..."}} (Docker Engine API errors, engine-api.md §2.6).
 */
public class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public ApiException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 400: the request is malformed or its parameters are invalid. */
    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    /** 404: the named object (or route) does not exist. */
    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    /** 409: the object exists but is in a state that forbids the request. */
    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }
}
