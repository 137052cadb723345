/** Data audit of any SQLite or PostgreSQL database reachable by JDBC: schema, keys, counts, samples, the main interaction table. */
package io.marquee.segment.audit;
