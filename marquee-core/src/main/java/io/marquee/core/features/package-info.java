/**
 * Fitted numeric column transforms shared by the drop-off predictor's feature pipeline
 * ({@code marquee-predict}) and the segmentation's preprocessor ({@code marquee-segment}): learned
 * imputation ({@link io.marquee.core.features.Imputer}), learned-quantile winsorizing
 * ({@link io.marquee.core.features.Winsorizer}), standard scaling
 * ({@link io.marquee.core.features.StandardScaler}) and the three in sequence
 * ({@link io.marquee.core.features.NumericTransform}).
 *
 * <p>Each is fitted once on training data ({@code fit}, statistics learned from the training rows
 * only) and is then an immutable, thread-safe value applied unchanged to any row. Hand-written
 * rather than taken from a library: the Java libraries that have them (Tribuo's transformations,
 * Smile) work on their own data objects, not on primitive arrays, and their fitted statistics could
 * not be stored in Marquee's {@link io.marquee.core.model.ModelArchive} format.
 */
package io.marquee.core.features;
