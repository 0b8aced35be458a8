package ir.hotline137.requests.evaluation;

/** One line of a duplicate corpus: see shared/corpus/README.md for the columns. */
public record CorpusRow(int id, String cluster, int district, String category, String channel, String text) {
}
