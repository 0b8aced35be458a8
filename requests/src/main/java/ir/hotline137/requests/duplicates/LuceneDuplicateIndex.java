package ir.hotline137.requests.duplicates;

import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.TrackingCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import ir.hotline137.requests.text.PersianTextAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The embedded duplicate index: Lucene on disk, Persian analysis, in two steps.
 *
 * <ol>
 * <li>Recall: a BM25 query for the description's words, restricted to open requests of the same district
 * registered within the window, keeps the best few candidates.</li>
 * <li>Decision: each candidate is weighed by how much of the two texts' idf-weighted words they share
 * (cosine of the two word sets), so a long agent's report and a short spoken one can still match, and a
 * shared rare word (a street, a landmark) counts far more than a common one. A different category lowers
 * the weight instead of excluding the candidate. Above the threshold it is a likely duplicate.</li>
 * </ol>
 *
 * <p>BM25 scores are not comparable between queries, which is why the decision is not a BM25 cut-off.
 *
 * <p>Writes become visible to the next search at once (near-real-time reader) and durable at
 * {@link #commit()}; the commit records the highest store revision, so after a crash the start-up catches
 * up from the store instead of trusting an index that missed the last writes.
 */
public final class LuceneDuplicateIndex implements DuplicateIndex {
    static final String CODE = "code";
    static final String DISTRICT = "district";
    static final String CATEGORY = "category";
    static final String OPEN = "open";
    static final String CREATED = "created";
    static final String TEXT = "text";
    private static final String REVISION_KEY = "store-revision";
    /**
     * Lucene refuses a query of more than 1024 clauses; a description pasted into the search box can have
     * more distinct words than that, and its first few hundred are plenty to rank by.
     */
    private static final int MAX_SEARCH_WORDS = 256;
    private static final FieldType TEXT_TYPE = new FieldType();

    static {
        TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        TEXT_TYPE.setTokenized(true);
        TEXT_TYPE.setStoreTermVectors(true);
        TEXT_TYPE.freeze();
    }

    private final Directory directory;
    private final PersianTextAnalyzer analyzer;
    private final DuplicateSettings settings;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile long revision;
    private volatile long durableRevision;
    private volatile boolean changedSinceRefresh;

    private LuceneDuplicateIndex(Directory directory, PersianTextAnalyzer analyzer, DuplicateSettings settings) throws IOException {
        this.directory = directory;
        this.analyzer = analyzer;
        this.settings = settings;
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        this.writer = new IndexWriter(directory, config);
        String committed = null;
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (REVISION_KEY.equals(entry.getKey())) {
                    committed = entry.getValue();
                }
            }
        }
        this.durableRevision = committed == null ? 0 : Long.parseLong(committed);
        this.revision = durableRevision;
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens or creates the index in a folder. */
    public static LuceneDuplicateIndex open(Path folder, PersianTextAnalyzer analyzer, DuplicateSettings settings) throws IOException {
        Directory directory = FSDirectory.open(folder);
        try {
            return new LuceneDuplicateIndex(directory, analyzer, settings);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** An index in memory: for evaluation runs and tests. */
    public static LuceneDuplicateIndex inMemory(PersianTextAnalyzer analyzer, DuplicateSettings settings) {
        try {
            return new LuceneDuplicateIndex(new ByteBuffersDirectory(), analyzer, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void index(CitizenRequest request) {
        Document doc = new Document();
        doc.add(new StringField(CODE, request.code().value(), Field.Store.YES));
        doc.add(new StringField(DISTRICT, Integer.toString(request.district()), Field.Store.NO));
        doc.add(new StringField(CATEGORY, request.category(), Field.Store.YES));
        if (request.isOpen()) {
            doc.add(new StringField(OPEN, "1", Field.Store.NO));
        }
        doc.add(new LongField(CREATED, request.createdAt().toEpochMilli(), Field.Store.NO));
        doc.add(new StoredField(CREATED, request.createdAt().toEpochMilli()));
        doc.add(new Field(TEXT, request.description(), TEXT_TYPE));
        writeLock.lock();
        try {
            writer.updateDocument(new Term(CODE, request.code().value()), doc);
            revision = Math.max(revision, request.revision());
            changedSinceRefresh = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public List<DuplicateCandidate> findDuplicates(DuplicateQuery query) {
        Set<String> words = words(query.description());
        if (words.isEmpty()) {
            return List.of();
        }
        return withSearcher(searcher -> decide(searcher, query, words));
    }

    /**
     * Plain BM25 over every indexed request, open or closed; district and category only filter, so they
     * do not change the ranking.
     */
    @Override
    public List<TrackingCode> searchText(String text, Optional<Integer> district, Optional<String> category, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        Set<String> words = words(text);
        if (words.isEmpty()) {
            return List.of();
        }
        return withSearcher(searcher -> {
            ScoreDoc[] hits = searcher.search(textQuery(words, district, category), limit).scoreDocs;
            StoredFields stored = searcher.storedFields();
            List<TrackingCode> codes = new ArrayList<>(hits.length);
            for (ScoreDoc hit : hits) {
                codes.add(new TrackingCode(stored.document(hit.doc, Set.of(CODE)).get(CODE)));
            }
            return codes;
        });
    }

    /** Work on a searcher that sees every write so far, given back however the work ends. */
    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            refreshIfChanged();
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.on(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface SearcherWork<T> {
        T on(IndexSearcher searcher) throws IOException;
    }

    /** Any of the words, scored; district and category as filters that leave the scores alone. */
    Query textQuery(Set<String> words, Optional<Integer> district, Optional<String> category) {
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        words.stream().limit(MAX_SEARCH_WORDS)
                .forEach(word -> text.add(new TermQuery(new Term(TEXT, word)), Occur.SHOULD));
        // The words must be one required clause: next to FILTER clauses, loose SHOULD clauses become
        // optional and every request of the district would match with a score of zero.
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text.build(), Occur.MUST);
        district.ifPresent(d -> query.add(new TermQuery(new Term(DISTRICT, Integer.toString(d))), Occur.FILTER));
        category.ifPresent(c -> query.add(new TermQuery(new Term(CATEGORY, c)), Occur.FILTER));
        return query.build();
    }

    private List<DuplicateCandidate> decide(IndexSearcher searcher, DuplicateQuery query, Set<String> words)
            throws IOException {
        IndexReader reader = searcher.getIndexReader();
        ScoreDoc[] hits = searcher.search(recallQuery(query, words), settings.candidates()).scoreDocs;
        if (hits.length == 0) {
            return List.of();
        }
        Idf idf = new Idf(reader);
        double queryWeight = 0;
        for (String word : words) {
            queryWeight += idf.of(new BytesRef(word));
        }
        TermVectors vectors = reader.termVectors();
        StoredFields stored = searcher.storedFields();
        List<DuplicateCandidate> found = new ArrayList<>();
        for (ScoreDoc hit : hits) {
            Terms terms = vectors.get(hit.doc, TEXT);
            if (terms == null) {
                continue;
            }
            double shared = 0;
            double docWeight = 0;
            TermsEnum term = terms.iterator();
            for (BytesRef word = term.next(); word != null; word = term.next()) {
                double weight = idf.of(word);
                docWeight += weight;
                if (words.contains(word.utf8ToString())) {
                    shared += weight;
                }
            }
            double similarity = shared / Math.sqrt(queryWeight * docWeight);
            if (similarity < settings.threshold()) {
                continue; // the category factor only lowers it: no need to read the stored fields
            }
            Document doc = stored.document(hit.doc, Set.of(CODE, CATEGORY, CREATED));
            String category = doc.get(CATEGORY);
            if (query.category().isPresent() && !query.category().get().equals(category)) {
                similarity *= settings.otherCategoryFactor();
            }
            if (similarity >= settings.threshold()) {
                found.add(new DuplicateCandidate(new TrackingCode(doc.get(CODE)), similarity,
                        Instant.ofEpochMilli(doc.getField(CREATED).numericValue().longValue()), category));
            }
        }
        found.sort(Comparator.comparingDouble(DuplicateCandidate::similarity).reversed());
        return found;
    }

    /** Open requests of the district within the window that share at least one word, by BM25. */
    Query recallQuery(DuplicateQuery query, Set<String> words) {
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        for (String word : words) {
            text.add(new TermQuery(new Term(TEXT, word)), Occur.SHOULD);
        }
        long to = query.at().toEpochMilli();
        long from = query.at().minus(settings.window()).toEpochMilli();
        return new BooleanQuery.Builder()
                .add(text.build(), Occur.MUST)
                .add(new TermQuery(new Term(DISTRICT, Integer.toString(query.district()))), Occur.FILTER)
                .add(new TermQuery(new Term(OPEN, "1")), Occur.FILTER)
                .add(LongField.newRangeQuery(CREATED, from, to), Occur.FILTER)
                .build();
    }

    /** The description's distinct indexed words, after Persian analysis. */
    public Set<String> words(String text) {
        return new LinkedHashSet<>(analyzer.words(text));
    }

    private void refreshIfChanged() throws IOException {
        if (changedSinceRefresh) {
            changedSinceRefresh = false;
            searchers.maybeRefreshBlocking();
        }
    }

    @Override
    public long revision() {
        return revision;
    }

    @Override
    public long durableRevision() {
        return durableRevision;
    }

    /** Counted on a fresh reader: the writer's own count still includes replaced versions not yet applied. */
    @Override
    public long size() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    @Override
    public void commit() {
        writeLock.lock();
        try {
            long upTo = revision;
            writer.setLiveCommitData(Map.of(REVISION_KEY, Long.toString(upTo)).entrySet());
            writer.commit();
            durableRevision = upTo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void clear() {
        writeLock.lock();
        try {
            writer.deleteAll();
            revision = 0;
            changedSinceRefresh = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        try {
            if (writer.isOpen()) {
                commit();
                searchers.close();
                writer.close();
            }
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inverse document frequency as BM25 weighs it, remembered for the words of one decision. */
    private static final class Idf {
        private final IndexReader reader;
        private final double docCount;
        private final Map<BytesRef, Double> known = new HashMap<>();

        Idf(IndexReader reader) {
            this.reader = reader;
            this.docCount = Math.max(1, reader.numDocs());
        }

        double of(BytesRef word) {
            Double cached = known.get(word);
            if (cached != null) {
                return cached;
            }
            try {
                int df = reader.docFreq(new Term(TEXT, word));
                double value = Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
                known.put(BytesRef.deepCopyOf(word), value);
                return value;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
