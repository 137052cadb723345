/** Model registry: endpoints, versions, stages, aliases, artifacts, jobs, request log and feedback. */
package io.marquee.registry;
