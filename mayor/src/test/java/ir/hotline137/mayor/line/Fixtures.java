package ir.hotline137.mayor.line;

import ir.hotline137.switchboard.CallId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Small values and helpers the mayor-line tests share. */
final class Fixtures {
    static final Instant START = Instant.parse("2025-03-07T17:00:00Z");
    static final Instant PLANNED_END = START.plus(Duration.ofHours(1));
    static final String MAYOR = "mayor";
    static final String MAYOR_PHONE = "PJSIP/mayor-studio";
    /** For tests of the line's own rules: its changes are kept nowhere (the session log has tests of its own). */
    static final MayorLineKeeper KEPT_NOWHERE = change -> { };
    /** As shipped ({@code hotline.mayor.expected-conversation}). */
    static final Duration CONVERSATION = Duration.ofMinutes(3);

    private Fixtures() {
    }

    static CallId call(int n) {
        return new CallId("1741366800." + n);
    }

    static MayorTopic topic(int n) {
        return new MayorTopic(Optional.of("0912000000" + n), Optional.of(n), Optional.of("شهروند " + n + ": ترافیک"),
                Optional.of("/data/recordings/mayor-" + n + ".wav"));
    }
}
