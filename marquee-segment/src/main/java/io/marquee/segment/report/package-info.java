/** Report plumbing: atomic file writes, number formatting, markdown tables and XChart PNG charts. */
package io.marquee.segment.report;
