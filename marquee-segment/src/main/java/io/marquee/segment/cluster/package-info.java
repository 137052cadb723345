/** Clustering on row-major double[] points: k-means, Gaussian mixtures, Ward, DBSCAN, HDBSCAN* (Tribuo), PCA and cluster validity metrics. */
package io.marquee.segment.cluster;
