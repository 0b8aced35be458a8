package ir.hotline137.requests.evaluation;

import java.util.Locale;

/**
 * Precision, recall and F1 of duplicate answers, counted as the corpus README says: a right "duplicate of
 * X" is a true positive; a wrong X is both a false positive and a false negative.
 */
public record Score(int truePositives, int falsePositives, int falseNegatives) {
    public double precision() {
        int answered = truePositives + falsePositives;
        return answered == 0 ? 0 : (double) truePositives / answered;
    }

    public double recall() {
        int expected = truePositives + falseNegatives;
        return expected == 0 ? 0 : (double) truePositives / expected;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "precision %.3f recall %.3f F1 %.3f", precision(), recall(), f1());
    }
}
