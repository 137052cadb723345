package io.marquee.registry.jobs;

import java.time.Instant;

/**
 * One line of a job's log.
 *
 * @param seq  0, 1, 2, … within the job
 * @param at   when
 * @param line the text
 */
public record JobLogLine(int seq, Instant at, String line) {
}
