/** Runnable benchmarks and report runs that reproduce the figures in docs/segments.md and docs/audit-eda.md. */
package io.marquee.segment.bench;
