/**
 * Asynchronous training jobs stored in the database, holdout evaluation and the validation gate
 * that promotes a retrained model only when it beats production by a margin.
 */
package io.marquee.registry.jobs;
