package ir.hotline137.requests.store;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.HistoryEntry;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.testsupport.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Two nodes writing one PostgreSQL at once, as a city's cluster does: a reader that follows the changes by revision
 * (as each node's duplicate index does) misses none of them, because revisions commit in order; and every commit
 * is heard on the other node through NOTIFY.
 */
class PostgresRequestStoreClusterTest {
    private static final int WRITERS_PER_NODE = 3;
    private static final int EACH = 40;

    @Test
    void aReaderFollowingRevisionsMissesNoChangeWhileTwoNodesWriteAndHearsEachCommit() throws Exception {
        try (TestPostgres postgres = TestPostgres.freshSchema();
             PostgresDatabase nodeA = database(postgres);
             PostgresDatabase nodeB = database(postgres)) {
            RequestStore a = PostgresRequestStore.open(nodeA);
            RequestStore b = PostgresRequestStore.open(nodeB);
            Set<String> heardOnB = ConcurrentHashMap.newKeySet();
            try (PostgresDatabase.Listening ears = nodeB.listen(PostgresRequestStore.CHANNEL, heardOnB::add, () -> { })) {
                assertThat(ears.awaitListening(Duration.ofSeconds(10))).as("node B listens").isTrue();

                AtomicBoolean writing = new AtomicBoolean(true);
                Map<TrackingCode, Long> seen = new HashMap<>();
                long[] mark = {b.revision()};
                AtomicReference<Throwable> readerFailed = new AtomicReference<>();
                Thread reader = Thread.ofVirtual().start(() -> {
                    try {
                        while (writing.get()) {
                            b.forEachChangeSince(mark[0], (r, revision) -> {
                                seen.put(r.code(), r.revision());
                                mark[0] = revision;
                            });
                        }
                    } catch (Throwable failed) {
                        readerFailed.set(failed);
                    }
                });
                List<Thread> writers = new ArrayList<>();
                Map<TrackingCode, Long> written = new ConcurrentHashMap<>();
                for (int w = 0; w < 2 * WRITERS_PER_NODE; w++) {
                    RequestStore on = w % 2 == 0 ? a : b;
                    Random random = new Random(100 + w);
                    writers.add(Thread.ofVirtual().start(() -> {
                        for (int i = 0; i < EACH; i++) {
                            CitizenRequest made = on.insert(request(random));
                            // Every other one is changed too: an update's revision must commit in order as well.
                            CitizenRequest last = i % 2 == 0 ? made : on.update(made.code(), r -> r);
                            written.put(last.code(), last.revision());
                        }
                    }));
                }
                for (Thread writer : writers) {
                    writer.join();
                }
                writing.set(false);
                reader.join();
                assertThat(readerFailed.get()).as("the reader").isNull();
                // Had a revision committed after a higher one the reader had read, it would have gone past it for
                // good, and that request's last change would be missing below.
                b.forEachChangeSince(mark[0], (r, revision) -> seen.put(r.code(), r.revision()));

                assertThat(written).hasSize(2 * WRITERS_PER_NODE * EACH);
                assertThat(seen).as("every request's last change seen by following revisions").isEqualTo(written);
                long last = b.revision();
                String lastSaid = postgres.schema() + ":" + last;
                for (int i = 0; i < 50 && !heardOnB.contains(lastSaid); i++) {
                    Thread.sleep(100);
                }
                assertThat(heardOnB).as("node B heard the last commit, from either node").contains(lastSaid);
            }
        }
    }

    private static PostgresDatabase database(TestPostgres postgres) {
        return PostgresDatabase.open(new PostgresSettings(postgres.url(), TestPostgres.USER, TestPostgres.PASSWORD,
                6));
    }

    private static CitizenRequest request(Random random) {
        Instant at = Instant.parse("2026-12-05T06:30:00Z");
        return new CitizenRequest(TrackingCode.random(random), 0, 0, at, Optional.of(new CallerNumber("09121110000")),
                6, "lighting", "چراغ کوچه خاموش است", RequestSource.IVR_SPEECH, Optional.empty(),
                RequestStatus.REGISTERED, List.of(new HistoryEntry(at, "ivr", "ثبت شد (سامانهٔ گویا)")), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(),
                Optional.empty());
    }
}
