package ir.hotline137.console.open311;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.testsupport.TestPostgres;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The city's app's key in PostgreSQL: made on one node, it files on another (here: after a reopening); revoked, it
 * files nowhere; the key itself is never kept.
 */
class PostgresApiClientsTest {
    @Test
    void aKeyMadeOnOneNodeIsKnownOnAnotherUntilRevoked() throws Exception {
        try (TestPostgres postgres = TestPostgres.freshSchema()) {
            ApiKeys.NewKey made;
            try (PostgresDatabase nodeA = open(postgres)) {
                made = new ApiKeys(PostgresApiClients.open(nodeA), Clock.systemUTC()).create("اصفهان من", "boss");
                new ApiKeys(PostgresApiClients.open(nodeA), Clock.systemUTC()).create("سامانهٔ همسایه", "boss");
            }
            try (PostgresDatabase nodeB = open(postgres)) {
                ApiKeys keys = new ApiKeys(PostgresApiClients.open(nodeB), Clock.systemUTC());
                assertThat(keys.check(made.key())).map(ApiClient::name).contains("اصفهان من");
                assertThat(keys.all()).extracting(ApiClient::name).containsExactly("اصفهان من", "سامانهٔ همسایه");
                assertThat(keys.all()).extracting(ApiClient::keyHash).doesNotContain(made.key());
                assertThat(keys.revoke(made.client().id(), "boss")).hasValueSatisfying(c ->
                        assertThat(c.isActive()).isFalse());
                assertThat(keys.check(made.key())).isEmpty();
            }
        }
    }

    private static PostgresDatabase open(TestPostgres postgres) {
        return PostgresDatabase.open(new PostgresSettings(postgres.url(), TestPostgres.USER, TestPostgres.PASSWORD, 2));
    }
}
