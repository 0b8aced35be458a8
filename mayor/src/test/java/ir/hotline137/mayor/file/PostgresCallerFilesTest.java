package ir.hotline137.mayor.file;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.testsupport.TestPostgres;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A number's file in PostgreSQL, as in the data folder: kept across a reopening, forgotten once set empty. */
class PostgresCallerFilesTest {
    private static final Instant START = Instant.parse("2026-12-05T09:00:00Z");
    private static final String NUMBER = "09121234567";

    @Test
    void flagsAndANoteAreKeptAndAnEmptyFileIsForgotten() throws Exception {
        try (TestPostgres postgres = TestPostgres.freshSchema()) {
            try (PostgresDatabase database = open(postgres)) {
                PostgresCallerFiles.open(database).put(new CallerFile(NUMBER,
                        EnumSet.of(CallerFlag.OFFICIAL, CallerFlag.WARNING), "عضو شورا", "host", START));
            }
            try (PostgresDatabase database = open(postgres)) {
                CallerFiles files = PostgresCallerFiles.open(database);
                assertThat(files.find(NUMBER)).hasValueSatisfying(file -> {
                    assertThat(file.flags()).containsExactly(CallerFlag.WARNING, CallerFlag.OFFICIAL);
                    assertThat(file.note()).isEqualTo("عضو شورا");
                    assertThat(file.by()).isEqualTo("host");
                });
                files.put(new CallerFile(NUMBER, Set.of(), " ", "host", START.plusSeconds(60)));
                assertThat(files.find(NUMBER)).isEmpty();
            }
        }
    }

    private static PostgresDatabase open(TestPostgres postgres) {
        return PostgresDatabase.open(new PostgresSettings(postgres.url(), TestPostgres.USER, TestPostgres.PASSWORD, 2));
    }
}
