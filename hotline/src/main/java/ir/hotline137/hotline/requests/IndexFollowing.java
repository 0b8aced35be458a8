package ir.hotline137.hotline.requests;

import ir.hotline137.requests.duplicates.DuplicateIndex;
import ir.hotline137.requests.duplicates.IndexFollower;
import ir.hotline137.requests.store.PostgresRequestStore;
import ir.hotline137.requests.store.RequestStore;
import ir.hotline137.store.postgresql.PostgresDatabase;
import java.time.Duration;
import java.util.Optional;

/**
 * On a cluster's store, this node's duplicate index following every node's changes: woken by each commit's notice,
 * and every few seconds in case one was lost. Nothing on the embedded store, whose only writer is this node.
 */
public final class IndexFollowing implements AutoCloseable {
    /** How often the follower looks without being woken. */
    private static final Duration EVERY = Duration.ofSeconds(5);

    private final Optional<IndexFollower> follower;
    private final Optional<PostgresDatabase.Listening> listening;

    private IndexFollowing(Optional<IndexFollower> follower, Optional<PostgresDatabase.Listening> listening) {
        this.follower = follower;
        this.listening = listening;
    }

    static IndexFollowing none() {
        return new IndexFollowing(Optional.empty(), Optional.empty());
    }

    /** Follows from the revision the start-up's reconciliation left the index at. */
    static IndexFollowing start(PostgresDatabase database, RequestStore store, DuplicateIndex index) {
        IndexFollower follower = new IndexFollower(store, index, index.revision(), EVERY);
        PostgresDatabase.Listening listening = database.listen(PostgresRequestStore.CHANNEL, said -> follower.wake(),
                follower::wake);
        return new IndexFollowing(Optional.of(follower), Optional.of(listening));
    }

    /** How many revisions this node's index is behind the store: 0 on the embedded store. */
    public long lag(RequestStore store) {
        return follower.map(f -> Math.max(0, store.revision() - f.mark())).orElse(0L);
    }

    @Override
    public void close() throws InterruptedException {
        if (listening.isPresent()) {
            listening.get().close();
        }
        if (follower.isPresent()) {
            follower.get().close();
        }
    }
}
