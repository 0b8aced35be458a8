package ir.hotline137.requests.duplicates;

import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.TrackingCode;
import java.util.List;
import java.util.Optional;

/**
 * The duplicate index as a node of a cluster's desk sees it: searched as it is, but written only by the node's
 * {@link IndexFollower}, in the order the store committed. A node that also indexed its own registrations at once
 * could put an older version of a request over a newer one another node made, and would mark its index past
 * another node's change it has not read yet; the follower, woken by the node's own commit too, indexes a
 * registration within milliseconds.
 */
public final class FollowedIndex implements DuplicateIndex {
    private final DuplicateIndex index;

    public FollowedIndex(DuplicateIndex index) {
        this.index = index;
    }

    /** The follower indexes it, in commit order: nothing here. */
    @Override
    public void index(CitizenRequest request) {
    }

    @Override
    public List<DuplicateCandidate> findDuplicates(DuplicateQuery query) {
        return index.findDuplicates(query);
    }

    @Override
    public List<TrackingCode> searchText(String text, Optional<Integer> district, Optional<String> category,
                                         int limit) {
        return index.searchText(text, district, category, limit);
    }

    @Override
    public long revision() {
        return index.revision();
    }

    @Override
    public long durableRevision() {
        return index.durableRevision();
    }

    @Override
    public long size() {
        return index.size();
    }

    @Override
    public void commit() {
        index.commit();
    }

    @Override
    public void clear() {
        index.clear();
    }

    /** The index is the node's, closed by whoever opened it. */
    @Override
    public void close() {
    }
}
