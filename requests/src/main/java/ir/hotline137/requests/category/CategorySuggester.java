package ir.hotline137.requests.category;

import ir.hotline137.requests.text.PersianTextAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Guesses a request's category from what the caller said, by the configured keywords of each category.
 * A keyword phrase scores by its length in words (a two-word phrase is stronger evidence than one word);
 * the category with the highest total wins, and with no keyword at all the fallback category.
 *
 * <p>A guess, not a verdict: the duplicate search treats category only as a signal, and an agent may
 * change it.
 */
public final class CategorySuggester {
    private final PersianTextAnalyzer analyzer;
    private final Map<String, List<List<String>>> phrasesByCategory = new LinkedHashMap<>();
    private final String fallback;

    public CategorySuggester(List<Category> categories, String fallback, PersianTextAnalyzer analyzer) {
        this.analyzer = analyzer;
        this.fallback = fallback;
        for (Category category : categories) {
            List<List<String>> phrases = new ArrayList<>();
            for (String keyword : category.keywords()) {
                List<String> tokens = analyzer.words(keyword);
                if (!tokens.isEmpty()) {
                    phrases.add(tokens);
                }
            }
            phrasesByCategory.put(category.id(), phrases);
        }
    }

    public CategorySuggester(List<Category> categories, String fallback) {
        this(categories, fallback, new PersianTextAnalyzer());
    }

    /** The most likely category id for this text. */
    public String suggest(String text) {
        List<String> tokens = analyzer.words(text);
        String best = fallback;
        double bestScore = 0;
        for (Map.Entry<String, List<List<String>>> entry : phrasesByCategory.entrySet()) {
            double score = 0;
            for (List<String> phrase : entry.getValue()) {
                score += occurrences(tokens, phrase) > 0 ? phrase.size() : 0;
            }
            if (score > bestScore) {
                bestScore = score;
                best = entry.getKey();
            }
        }
        return best;
    }

    private static int occurrences(List<String> tokens, List<String> phrase) {
        int count = 0;
        outer:
        for (int i = 0; i + phrase.size() <= tokens.size(); i++) {
            for (int j = 0; j < phrase.size(); j++) {
                if (!tokens.get(i + j).equals(phrase.get(j))) {
                    continue outer;
                }
            }
            count++;
        }
        return count;
    }

}
