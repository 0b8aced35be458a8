package ir.hotline137.benchmarks;

import ir.hotline137.requests.text.PersianTextAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The reference for the duplicate search: what plain Lucene does with the same index and the same words,
 * a BM25 top 10 restricted to the district's open requests in the window, and nothing more. The difference
 * to the real search is the price of its second step (reading the candidates' term vectors).
 *
 * <p>The field names are the duplicate index's own ("district", "open", "created", "text"); they are
 * package-private there, hence written out here.
 */
final class PlainBm25Search implements AutoCloseable {
    private static final int TOP = 10;

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final PersianTextAnalyzer analyzer;
    private final Duration window;

    PlainBm25Search(Path indexFolder, PersianTextAnalyzer analyzer, Duration window) {
        try {
            this.directory = FSDirectory.open(indexFolder);
            this.reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.searcher = new IndexSearcher(reader);
        this.analyzer = analyzer;
        this.window = window;
    }

    /** Analysis is timed too, as it is in the real search. */
    TopDocs search(int district, String description, Instant at) {
        Set<String> words = words(description);
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        for (String word : words) {
            text.add(new TermQuery(new Term("text", word)), Occur.SHOULD);
        }
        BooleanQuery query = new BooleanQuery.Builder()
                .add(text.build(), Occur.MUST)
                .add(new TermQuery(new Term("district", Integer.toString(district))), Occur.FILTER)
                .add(new TermQuery(new Term("open", "1")), Occur.FILTER)
                .add(LongField.newRangeQuery("created", at.minus(window).toEpochMilli(), at.toEpochMilli()), Occur.FILTER)
                .build();
        try {
            return searcher.search(query, TOP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int documents() {
        return reader.numDocs();
    }

    private Set<String> words(String description) {
        return new LinkedHashSet<>(analyzer.words(description));
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
