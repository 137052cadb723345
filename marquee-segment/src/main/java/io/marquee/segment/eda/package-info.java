/** Exploratory data analysis of a Marquee data set: distributions, long tail, trends, demographics, correlations, data quality, with charts and insights computed from the data. */
package io.marquee.segment.eda;
