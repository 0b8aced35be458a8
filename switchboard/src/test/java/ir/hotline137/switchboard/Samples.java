package ir.hotline137.switchboard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Small values the tests share. */
final class Samples {
    static final Instant START = Instant.parse("2025-03-01T07:30:00Z");

    private Samples() {
    }

    static GatheredInfo info() {
        return GatheredInfo.nothing(Optional.of("09121234567"), EscalationReason.ASKED_FOR_AGENT);
    }

    static GatheredInfo fullInfo() {
        return new GatheredInfo(Optional.of("09121234567"), Optional.of(5), Optional.of("منطقه ۵"),
                Optional.of("چاله بزرگ جلوی مدرسه"), Optional.of("/data/recordings/abc.wav"),
                List.of(new SuggestedDuplicate("12345674", 0.82, START.minusSeconds(86_400), "معابر")),
                EscalationReason.DESCRIPTION_NOT_UNDERSTOOD);
    }

    static Agent agent(String username) {
        return new Agent(username, "کارشناس " + username, "PJSIP/" + username);
    }

    static CallId call(int n) {
        return new CallId("1740814200." + n);
    }
}
