/**
 * Audience segmentation ({@link io.marquee.segment.Segmentation}, {@link io.marquee.segment.SegmentModel}),
 * with the data audit ({@code audit}), the EDA ({@code eda}), clustering and metrics ({@code cluster}),
 * viewer features ({@code features}) and report rendering ({@code report}).
 */
package io.marquee.segment;
