/**
 * The request log (batched, off the hot path, bounded queue), feedback on requests and live
 * accuracy per model version.
 */
package io.marquee.registry.requests;
