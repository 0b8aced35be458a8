package ir.hotline137.outbound.outbox;

import ir.hotline137.requests.store.RequestStore;
import ir.hotline137.store.StoreRefusedException;
import ir.hotline137.store.postgresql.StoreMigration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every notification to citizens, sent or still to send, moved by {@code migrate-store} with its own number, the SMS
 * centre's ids of what it sent and the receipts that came early; then where the outbox stands in the requests' changes,
 * in PostgreSQL's numbering of them. Moved after the requests.
 */
public final class OutboxMigration implements StoreMigration {
    private final MapDbOutbox from;
    private final PostgresOutbox to;
    private final RequestStore embeddedRequests;
    private final RequestStore postgresqlRequests;

    public OutboxMigration(MapDbOutbox from, PostgresOutbox to, RequestStore embeddedRequests,
                           RequestStore postgresqlRequests) {
        this.from = from;
        this.to = to;
        this.embeddedRequests = embeddedRequests;
        this.postgresqlRequests = postgresqlRequests;
    }

    @Override
    public String what() {
        return "notifications";
    }

    /**
     * The outbox must have made the notices of every change already: PostgreSQL numbers the changes afresh, so one it
     * had not yet looked at could not be found again there.
     */
    @Override
    public void check() {
        long behind = embeddedRequests.revision() - from.seenRevision().orElse(embeddedRequests.revision());
        if (behind > 0) {
            throw new StoreRefusedException("the outbox has not yet made the notices of the last " + behind
                    + " changes to requests: start the hotline on this data folder until its log says the outbox is "
                    + "caught up, stop it, and run migrate-store again");
        }
    }

    @Override
    public void forEachRecord(Consumer<Runnable> copies) {
        from.forEachNotification(notification -> copies.accept(() -> to.adopt(notification)));
        for (Map.Entry<String, Long> sent : from.messageIds().entrySet()) {
            copies.accept(() -> to.adoptMessageId(sent.getKey(), sent.getValue()));
        }
        for (Map.Entry<String, String> early : from.earlyReceipts().entrySet()) {
            copies.accept(() -> to.adoptEarlyReceipt(early.getKey(), early.getValue()));
        }
    }

    @Override
    public long embeddedCount() {
        return from.count();
    }

    @Override
    public long postgresqlCount() {
        return to.count();
    }

    /** A node that has run on PostgreSQL has left the outbox's marks there, even without a notification. */
    @Override
    public boolean postgresqlInUse() {
        return to.count() > 0 || to.seenRevision().isPresent();
    }

    /**
     * The requests were moved in the order of their registration, so the n-th registered is the n-th there too: the
     * outbox's first request is found again by counting.
     */
    @Override
    public void finish() {
        to.idsFollow();
        if (from.seenRevision().isPresent()) {
            long after = from.startedAfterSequence().orElse(0L);
            long[] later = {0};
            embeddedRequests.forEachNewestFirst(request -> {
                if (request.sequence() <= after) {
                    return false;
                }
                later[0]++;
                return true;
            });
            to.adoptMarks(postgresqlRequests.revision(), from.startedAt().orElseThrow(),
                    embeddedRequests.count() - later[0]);
        }
    }
}
