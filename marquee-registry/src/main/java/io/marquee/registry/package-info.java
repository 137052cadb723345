/**
 * Model registry: endpoints, model versions and their lifecycle stages, aliases, the audit
 * history, and the content-addressed artifact store. Entry point: {@link io.marquee.registry.ModelRegistry}.
 * Sub-packages: {@code serving} (what an endpoint serves, hot-swapped), {@code jobs} (asynchronous
 * training and the validation gate), {@code requests} (request log, feedback, live accuracy).
 * See docs/registry.md.
 */
package io.marquee.registry;
