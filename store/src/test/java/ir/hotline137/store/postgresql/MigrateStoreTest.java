package ir.hotline137.store.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.testsupport.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The moving itself, with a feature of the tests' own (words into the sample table): a run cut short in the middle
 * goes on where it stopped when run again, nothing twice and nothing left out, and the counts say so.
 */
class MigrateStoreTest {
    private static final int WORDS = 1_234;

    @Test
    void aRunCutShortGoesOnWhereItStoppedAndMovesNothingTwice() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (TestPostgres postgres = TestPostgres.freshSchema();
             PostgresDatabase database = PostgresDatabase.open(new PostgresSettings(postgres.url(), TestPostgres.USER,
                     TestPostgres.PASSWORD, 2))) {
            database.migrate("sample");
            Words cut = new Words(database, 777);

            assertThatThrownBy(() -> new MigrateStore(database, out).run(List.of(cut)))
                    .hasMessageContaining("the power went at word 777");
            assertThat(count(database)).as("the batches committed before the cut").isEqualTo(500);
            assertThatThrownBy(() -> new MigrateStore(database, out).run(List.of(new Words(database, -1, WORDS + 1))))
                    .as("the data folder used meanwhile").hasMessageContaining("the data folder has changed");

            boolean agree = new MigrateStore(database, out).run(List.of(new Words(database, -1)));

            assertThat(agree).isTrue();
            assertThat(count(database)).isEqualTo(WORDS);
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("words: " + WORDS + " in the data folder, " + WORDS + " in PostgreSQL");
            assertThat(new MigrateStore(database, out).run(List.of(new Words(database, -1)))).as("run once more")
                    .isTrue();
            assertThat(count(database)).isEqualTo(WORDS);
        }
    }

    /** A feature whose records are numbered words, failing (as a power cut would) before the one given. */
    private static final class Words implements StoreMigration {
        private final PostgresDatabase database;
        private final int failAt;
        private final int words;

        Words(PostgresDatabase database, int failAt) {
            this(database, failAt, WORDS);
        }

        Words(PostgresDatabase database, int failAt, int words) {
            this.database = database;
            this.failAt = failAt;
            this.words = words;
        }

        @Override
        public String what() {
            return "words";
        }

        @Override
        public void forEachRecord(Consumer<Runnable> copies) {
            for (int i = 0; i < words; i++) {
                int id = i;
                copies.accept(() -> {
                    if (id == failAt) {
                        throw new IllegalStateException("the power went at word " + id);
                    }
                    database.transaction(c -> {
                        try (PreparedStatement insert = c.prepareStatement(
                                "INSERT INTO sample (id, words) VALUES (?, ?)")) {
                            insert.setInt(1, id);
                            insert.setString(2, "واژهٔ " + id);
                            return insert.executeUpdate();
                        }
                    });
                });
            }
        }

        @Override
        public long embeddedCount() {
            return words;
        }

        @Override
        public long postgresqlCount() {
            return count(database);
        }
    }

    private static long count(PostgresDatabase database) {
        return database.transaction(c -> {
            try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM sample");
                 ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
