/**
 * The Docker Engine API over HTTP/1.1 on a unix socket: the server ({@link dev.berth.engine.api.ApiServer}),
 * the route table ({@link dev.berth.engine.api.Router}) with Docker's versioned paths and errors, the
 * handler contract (requests in; whole, chunked or hijacked answers out), and one
 * {@link dev.berth.engine.api.RouteGroup} per group of routes.
 *
 * <p>Handlers speak the engine's edge types, never the runtime's internals. Protocol details follow
 * {@code shared/docs/reference/engine-api.md} §2.
 *
 * @see <a href="https://docs.docker.com/reference/api/engine/version/v1.44/">Docker Engine API v1.44</a>
 */
package dev.berth.engine.api;
