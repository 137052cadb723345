package io.marquee.server;

import io.javalin.http.Handler;
import io.marquee.server.auth.Access;

/**
 * One row of the route table.
 *
 * @param method  GET, POST, PUT, DELETE
 * @param path    Javalin path template, same syntax as OpenAPI ({@code /api/v1/models/{id}})
 * @param access  who may call it
 * @param handler the controller method
 */
public record Route(String method, String path, Access access, Handler handler) {
}
