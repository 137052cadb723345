/** Marquee's HTTP API: routes, controllers, auth, error mapping, OpenAPI and metrics. */
package io.marquee.server;
