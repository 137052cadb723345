/** Per-viewer behaviour features and their cleaning and scaling pipeline. */
package io.marquee.segment.features;
