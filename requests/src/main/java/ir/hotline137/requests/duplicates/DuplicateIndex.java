package ir.hotline137.requests.duplicates;

import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.TrackingCode;
import java.io.Closeable;
import java.util.List;
import java.util.Optional;

/**
 * Finds requests that are likely the same problem as a new description. It is derived data: it can always
 * be rebuilt from the store, and it knows which store revision it reflects, so a start-up can tell whether
 * it missed anything. The embedded default is {@link LuceneDuplicateIndex}.
 */
public interface DuplicateIndex extends Closeable {

    /** Adds the request, or replaces its earlier version. Visible to the next search. */
    void index(CitizenRequest request);

    /** Likely duplicates, best first; empty when nothing passes the threshold. */
    List<DuplicateCandidate> findDuplicates(DuplicateQuery query);

    /**
     * Requests of any status whose description has the words of {@code text}, most relevant first, for an
     * agent looking one up by what was said rather than by its code. The text goes through the same Persian
     * analysis as the descriptions, so spelling variants meet.
     *
     * @param limit at most this many codes, at least 1
     * @return empty when the text has no searchable words (only greetings or punctuation)
     */
    List<TrackingCode> searchText(String text, Optional<Integer> district, Optional<String> category, int limit);

    /** The highest store revision this index has seen (committed or not). */
    long revision();

    /** The highest store revision that survives a crash of this process. */
    long durableRevision();

    /** Number of requests in the index. */
    long size();

    /** Makes everything indexed so far durable. */
    void commit();

    /** Drops everything; used before a rebuild. */
    void clear();

    @Override
    void close();
}
