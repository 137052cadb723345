/**
 * Serving state: {@link io.marquee.registry.serving.ModelServer} keeps an endpoint's production
 * model loaded and swaps it atomically on promotion, keeping the last good model when a new one
 * cannot be loaded.
 */
package io.marquee.registry.serving;
