package ir.hotline137.console.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.console.security.ConsoleUsers;
import ir.hotline137.console.security.Role;
import ir.hotline137.store.Storage;
import ir.hotline137.store.StoreSettings;
import ir.hotline137.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.server.WebSession;

/** A session lasts while it is used: idle time counts from its last use, not from when it began. */
class KeptSessionsTest {
    private static final Duration IDLE = Duration.ofMinutes(30);

    @TempDir
    Path dir;

    @Test
    void aSessionInUseOutlivesItsIdleTimeAndOneLeftAloneEnds() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-05T08:00:00Z"));
        try (Storage storage = Storage.open(dir, new StoreSettings(Duration.ofMinutes(1), 0, 64L << 20))) {
            ConsoleUsers users = ConsoleUsers.of(List.of(ConsoleUser.of("maryam", "{noop}x", Set.of(Role.AGENT),
                    Optional.empty())));
            KeptSessions sessions = new KeptSessions(MapDbSessions.open(storage), users, clock, IDLE);
            WebSession session = sessions.createWebSession().block();
            session.getAttributes().put("note", "kept");
            session.save().block();

            for (int i = 0; i < 4; i++) {
                clock.advance(Duration.ofMinutes(20));
                assertThat(sessions.retrieveSession(session.getId()).block()).as("used every 20 minutes").isNotNull();
            }
            clock.advance(IDLE.plusMinutes(1));
            assertThat(sessions.retrieveSession(session.getId()).block()).as("left alone past its idle time").isNull();
        }
    }
}
