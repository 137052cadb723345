package io.marquee.registry.serving;

import io.marquee.core.error.MarqueeException;

/**
 * An endpoint has no model to serve: no production version yet, or its artifact could not be
 * loaded and there is no earlier model to fall back on. The HTTP layer should answer 503.
 */
public class ModelUnavailableException extends MarqueeException {
    public ModelUnavailableException(String message) {
        super(message);
    }
}
