/** Audience segmentation, cluster metrics, data audit, EDA and reports. */
package io.marquee.segment;
