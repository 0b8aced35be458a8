package ir.hotline137.hotline;

import ir.hotline137.requests.District;
import ir.hotline137.requests.category.Category;
import ir.hotline137.requests.duplicates.DuplicateSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting under {@code hotline.} in application.yml. The README's configuration table lists them.
 *
 * @param dataDir          the one folder for the store, the index and recordings
 * @param timeZone         the city's zone: what "today" and a deadline mean
 * @param districts        what callers may press for their district
 * @param categories       kinds of problems, their keywords, default unit and deadline
 * @param fallbackCategory the category when no keyword matches
 */
@ConfigurationProperties("hotline")
public record HotlineProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("Asia/Tehran") ZoneId timeZone,
        List<District> districts,
        List<Category> categories,
        @DefaultValue("other") String fallbackCategory,
        @DefaultValue Duplicates duplicates) {

    public HotlineProperties {
        districts = districts == null ? List.of() : List.copyOf(districts);
        categories = categories == null ? List.of() : List.copyOf(categories);
        if (districts.isEmpty()) {
            throw new IllegalArgumentException("hotline.districts is empty: configure at least one district");
        }
        if (categories.stream().noneMatch(c -> c.id().equals(fallbackCategory))) {
            throw new IllegalArgumentException("hotline.fallback-category '" + fallbackCategory
                    + "' is not among hotline.categories");
        }
    }

    /**
     * @param window              compare only with requests this recent
     * @param threshold           least similarity (0..1) that counts as the same problem
     * @param otherCategoryFactor similarity multiplier when categories differ
     * @param candidates          how many BM25 matches are weighed
     * @param commitInterval      how often the index is made durable (the store always is)
     */
    public record Duplicates(
            @DefaultValue("30d") Duration window,
            @DefaultValue("0.10") double threshold,
            @DefaultValue("0.3") double otherCategoryFactor,
            @DefaultValue("10") int candidates,
            @DefaultValue("1m") Duration commitInterval) {

        public DuplicateSettings settings() {
            return new DuplicateSettings(window, threshold, otherCategoryFactor, candidates);
        }
    }
}
