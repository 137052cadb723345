/** Tabular learning for Marquee: feature pipeline, classifiers, imbalance handling, calibration, metrics, drop-off. */
package io.marquee.predict;
