package ir.hotline137.requests.duplicates;

import java.time.Duration;

/**
 * How eager the duplicate search is.
 *
 * @param window                 only requests registered this recently are compared
 * @param threshold              the least similarity (0..1) that counts as "the same problem"
 * @param otherCategoryFactor    similarity is multiplied by this when the categories differ: a wrong
 *                               guess must not hide a duplicate, but the same street with another problem
 *                               is another request
 * @param candidates             how many of Lucene's best matches are weighed
 */
public record DuplicateSettings(Duration window, double threshold, double otherCategoryFactor, int candidates) {
    public DuplicateSettings {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("hotline.duplicates.window must be a positive duration, not " + window);
        }
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("hotline.duplicates.threshold must be in (0, 1], not " + threshold);
        }
        if (otherCategoryFactor < 0 || otherCategoryFactor > 1) {
            throw new IllegalArgumentException("hotline.duplicates.other-category-factor must be in [0, 1], not "
                    + otherCategoryFactor);
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("hotline.duplicates.candidates must be at least 1, not " + candidates);
        }
    }
}
