package ir.hotline137.console.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every store of logged-in sessions promises, asked of each: the embedded one and PostgreSQL's. A session kept
 * is found after a reopening, kept again it is replaced, forgotten it is gone, and the expired ones are forgotten
 * while the others stay.
 */
abstract class SessionStoreContract {
    private static final Instant AT = Instant.parse("2026-12-05T06:30:00Z");

    abstract SessionStore open() throws Exception;

    abstract SessionStore reopen() throws Exception;

    @AfterEach
    abstract void release() throws Exception;

    @Test
    void aSessionIsKeptReplacedForgottenAndTheExpiredOnesGo() throws Exception {
        SessionStore store = open();
        StoredSession sara = session("hash-sara", "sara", AT);
        store.keep(sara);
        store.keep(session("hash-old", "reza", AT.minus(Duration.ofHours(3))));
        store.keep(session("hash-gone", "ali", AT));

        store = reopen();
        assertThat(store.find("hash-sara")).contains(sara);
        StoredSession used = session("hash-sara", "sara", AT.plusSeconds(600));
        store.keep(used);
        assertThat(store.find("hash-sara")).contains(used);
        store.forget("hash-gone");
        store.forget("hash-never");
        assertThat(store.find("hash-gone")).isEmpty();
        assertThat(store.forgetExpired(AT.plusSeconds(900))).isEqualTo(1);
        assertThat(store.find("hash-old")).isEmpty();
        assertThat(store.find("hash-sara")).contains(used);
    }

    private static StoredSession session(String idHash, String username, Instant savedAt) {
        return new StoredSession(idHash, savedAt.minusSeconds(60), savedAt, Duration.ofHours(1), Optional.of(username),
                Optional.of("fingerprint-" + username), Optional.of(new StoredSession.Csrf("X-CSRF-TOKEN", "_csrf",
                        "token-" + username)), Optional.of(username));
    }
}
