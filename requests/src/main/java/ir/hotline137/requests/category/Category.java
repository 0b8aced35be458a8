package ir.hotline137.requests.category;

import java.util.List;
import java.util.Objects;

/**
 * A kind of problem as configured: its id ("pothole"), the Persian label people see, the words that
 * suggest it, and where its requests are referred by default and within how many days.
 *
 * @param keywords words or short phrases, in any spelling: they go through the same Persian analysis as
 *                 the caller's text, so 'چاله' also matches 'چاله‌ها' and 'جمع آوری' matches 'جمع‌آوری'
 */
public record Category(String id, String label, List<String> keywords, String referralUnit, int deadlineDays) {
    public Category {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        referralUnit = referralUnit == null ? "" : referralUnit;
        if (deadlineDays <= 0) {
            deadlineDays = 7;
        }
    }
}
