package dev.berth.engine.api;

import java.io.IOException;

/** Answers the requests of one route; runs on a virtual thread, so it may block. */
@FunctionalInterface
public interface RouteHandler {

    /**
     * @throws ApiException for an answer with an error status and message
     * @throws IOException  for a failure berth did not expect (answered as 500)
     */
    ApiResponse handle(ApiRequest request) throws IOException;
}
