package ir.hotline137.requests.evaluation;

import ir.hotline137.requests.duplicates.DuplicateSettings;
import ir.hotline137.requests.duplicates.LuceneDuplicateIndex;
import ir.hotline137.requests.text.PersianTextAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tunes the duplicate detector on part of a corpus and scores it on the part it never saw, so a number reported
 * for it says how it does on requests it was not fitted to. The corpus is split by problem (cluster), not by row:
 * every report of one problem lands on the same side, so the held-out part holds only problems the tuning never
 * met. Clusters alternate between the two parts in the order they first appear.
 *
 * <p>Tuned: the threshold (0.05 to 0.40) and how much a match in another category counts (0 to 1). Of the
 * settings with the best F1 on the tuning part, the one with the higher threshold is taken (fewer false joins,
 * which cost a citizen their own request), then the one nearest the settings given.
 */
public final class DuplicateTuning {
    private DuplicateTuning() {
    }

    /** The two parts, each in arrival order. */
    public record Split(List<CorpusRow> tuning, List<CorpusRow> heldOut) {
    }

    /**
     * @param chosen   the settings the tuning part chose
     * @param onTuning their score where they were chosen
     * @param heldOut  their score on the problems they never saw
     * @param givenOnHeldOut the settings given (as shipped) on the same held-out part, for comparison
     */
    public record Result(DuplicateSettings chosen, Score onTuning, Score heldOut, Score givenOnHeldOut) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "tuned on %s: threshold %.2f, other-category-factor %.1f%n"
                            + "  on the tuning part: %s%n  on the held-out part: %s%n"
                            + "  the given settings on the held-out part: %s",
                    "half the problems", chosen.threshold(), chosen.otherCategoryFactor(), onTuning, heldOut,
                    givenOnHeldOut);
        }
    }

    public static Split split(List<CorpusRow> rows) {
        Map<String, Integer> side = new LinkedHashMap<>();
        List<CorpusRow> tuning = new ArrayList<>();
        List<CorpusRow> heldOut = new ArrayList<>();
        for (CorpusRow row : rows) {
            int part = side.computeIfAbsent(row.cluster(), cluster -> side.size() % 2);
            (part == 0 ? tuning : heldOut).add(row);
        }
        return new Split(tuning, heldOut);
    }

    public static Result tune(List<CorpusRow> rows, DuplicateSettings given) {
        Split split = split(rows);
        DuplicateSettings best = null;
        Score bestScore = null;
        for (int t = 5; t <= 40; t++) {
            for (int f = 0; f <= 10; f++) {
                DuplicateSettings trial = new DuplicateSettings(given.window(), t / 100.0, f / 10.0, given.candidates());
                Score score = score(split.tuning(), trial);
                if (best == null || better(score, trial, bestScore, best, given)) {
                    best = trial;
                    bestScore = score;
                }
            }
        }
        return new Result(best, bestScore, score(split.heldOut(), best), score(split.heldOut(), given));
    }

    public static Score score(List<CorpusRow> rows, DuplicateSettings settings) {
        return DuplicateEvaluation.detector(rows,
                () -> LuceneDuplicateIndex.inMemory(new PersianTextAnalyzer(), settings));
    }

    private static boolean better(Score score, DuplicateSettings trial, Score bestScore, DuplicateSettings best,
                                  DuplicateSettings given) {
        Comparator<Double> close = Comparator.comparingDouble(x -> x);
        int byF1 = close.compare(round(score.f1()), round(bestScore.f1()));
        if (byF1 != 0) {
            return byF1 > 0;
        }
        if (trial.threshold() != best.threshold()) {
            return trial.threshold() > best.threshold();
        }
        return Math.abs(trial.otherCategoryFactor() - given.otherCategoryFactor())
                < Math.abs(best.otherCategoryFactor() - given.otherCategoryFactor());
    }

    private static double round(double f1) {
        return Math.round(f1 * 10_000) / 10_000.0;
    }
}
