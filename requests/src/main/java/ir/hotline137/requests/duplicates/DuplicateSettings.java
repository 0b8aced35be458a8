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
            throw new IllegalArgumentException("the duplicate window must be a positive duration: " + window);
        }
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("duplicate threshold must be in (0, 1]: " + threshold);
        }
        if (otherCategoryFactor < 0 || otherCategoryFactor > 1) {
            throw new IllegalArgumentException("otherCategoryFactor must be in [0, 1]: " + otherCategoryFactor);
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("at least one candidate must be weighed, not " + candidates);
        }
    }
}
