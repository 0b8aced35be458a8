package ir.hotline137.requests.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.ShippedRequestSettings;
import ir.hotline137.requests.category.CategorySuggester;
import ir.hotline137.requests.store.PostgresRequestStore;
import ir.hotline137.requests.store.RequestStore;
import ir.hotline137.requests.text.PersianTextAnalyzer;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.testsupport.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL, each with its own Lucene index: a lamp reported through node A is offered as a
 * duplicate through node B, because B's index follows the store, woken by A's commit. B's own slow look is set to an
 * hour here, so only the wake-up can bring it (how soon is the benchmark's to say: CrossNodeDuplicateBenchmark).
 */
class CrossNodeDuplicatesTest {
    @TempDir
    Path dir;

    @Test
    void aRequestRegisteredOnOneNodeIsOfferedAsADuplicateOnTheOtherOnceItsCommitIsHeard() throws Exception {
        Clock clock = Clock.system(ZoneId.of("Asia/Tehran"));
        try (TestPostgres postgres = TestPostgres.freshSchema();
             PostgresDatabase databaseA = database(postgres);
             PostgresDatabase databaseB = database(postgres);
             LuceneDuplicateIndex indexA = index(dir.resolve("a"));
             LuceneDuplicateIndex indexB = index(dir.resolve("b"))) {
            RequestStore storeA = PostgresRequestStore.open(databaseA);
            RequestStore storeB = PostgresRequestStore.open(databaseB);
            RequestDesk nodeA = desk(storeA, indexA, clock, 1);
            RequestDesk nodeB = desk(storeB, indexB, clock, 2);
            try (IndexFollower follower = new IndexFollower(storeB, indexB, storeB.revision(), Duration.ofHours(1));
                 PostgresDatabase.Listening ears = databaseB.listen(PostgresRequestStore.CHANNEL,
                         revision -> follower.wake(), follower::wake)) {
                assertThat(ears.awaitListening(Duration.ofSeconds(10))).as("node B listens").isTrue();
                CitizenRequest lamp = nodeA.register(NewRequest.fromCaller("09121110001", 7,
                        "چراغ برق کوچه شهید رضایی سوخته و شب‌ها کوچه تاریک است", RequestSource.IVR_SPEECH));
                long start = System.nanoTime();
                boolean found = false;
                while (!found && System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
                    found = nodeB.findDuplicates(7, Optional.of("lighting"), "لامپ تیر برق کوچه شهید رضایی سوخته")
                            .stream().anyMatch(c -> c.code().equals(lamp.code()));
                    if (!found) {
                        Thread.sleep(20);
                    }
                }
                assertThat(found).as("offered through node B, woken by the commit").isTrue();
                for (int i = 0; i < 100 && follower.mark() < storeB.revision(); i++) {
                    Thread.sleep(20);
                }
                assertThat(follower.mark()).as("it read up to the store's last change").isEqualTo(storeB.revision());
            }
        }
    }

    private static PostgresDatabase database(TestPostgres postgres) {
        return PostgresDatabase.open(new PostgresSettings(postgres.url(), TestPostgres.USER, TestPostgres.PASSWORD,
                4));
    }

    private static LuceneDuplicateIndex index(Path folder) throws Exception {
        return LuceneDuplicateIndex.open(folder, new PersianTextAnalyzer(), ShippedRequestSettings.duplicates());
    }

    private static RequestDesk desk(RequestStore store, DuplicateIndex index, Clock clock, long seed) {
        return new RequestDesk(store, index, Desks.DISTRICTS, Desks.CATEGORIES,
                new CategorySuggester(Desks.CATEGORIES, "other"), clock, new Random(seed));
    }
}
