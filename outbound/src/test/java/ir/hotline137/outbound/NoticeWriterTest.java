package ir.hotline137.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.outbound.notices.NoticeWriter;
import ir.hotline137.outbound.outbox.Channel;
import ir.hotline137.outbound.outbox.MapDbOutbox;
import ir.hotline137.outbound.outbox.NoticeKind;
import ir.hotline137.outbound.outbox.Notification;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who is told what, from the requests as committed: the tracking code to whoever registered or joined, the result to
 * all of them, once each, however often the changes are read; and nothing about what came before the outbox.
 */
class NoticeWriterTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    @TempDir
    Path dir;

    @Test
    void eachCitizenIsToldOnceOfTheirCodeAndOfTheResult() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-05T06:00:00Z"), TEHRAN);
        try (Desks desks = new Desks(dir, clock)) {
            CitizenRequest before = desks.desk.register(NewRequest.fromCaller("09120000001", 6, "چاله قدیمی",
                    RequestSource.IVR_SPEECH));
            Outbox outbox = MapDbOutbox.open(desks.storage);
            NoticeWriter writer = new NoticeWriter(desks.store, outbox, false, Set.of(Channel.SMS), clock);
            assertThat(writer.catchUp()).as("the first run starts from now").isZero();
            clock.advance(Duration.ofMinutes(1));
            desks.desk.addNote(before.code(), "یادداشت تازه", "maryam");

            CitizenRequest request = desks.desk.register(NewRequest.fromCaller("09121111111", 6, "چاله بزرگ",
                    RequestSource.IVR_SPEECH));
            desks.desk.join(request.code(), Optional.of("09122222222"), "ivr");
            assertThat(writer.catchUp()).isEqualTo(2);
            assertThat(writer.catchUp()).as("nothing new").isZero();
            assertThat(outbox.forRequest(before.code())).as("registered before the outbox").isEmpty();

            desks.desk.refer(request.code(), Optional.of("فنی و عمرانی منطقه ۶"), Optional.empty(), Optional.empty(),
                    "maryam");
            clock.advance(Duration.ofDays(1));
            desks.desk.giveResult(request.code(), "آسفالت ترمیم شد.", "unit6");
            assertThat(writer.catchUp()).as("the result to the caller and the supporter, not the referral")
                    .isEqualTo(2);

            assertThat(outbox.forRequest(request.code())).extracting(Notification::kind, Notification::to).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(NoticeKind.REGISTERED, "09121111111"),
                    org.assertj.core.groups.Tuple.tuple(NoticeKind.JOINED, "09122222222"),
                    org.assertj.core.groups.Tuple.tuple(NoticeKind.RESULT, "09121111111"),
                    org.assertj.core.groups.Tuple.tuple(NoticeKind.RESULT, "09122222222"));
            assertThat(outbox.forRequest(request.code()).getFirst().text())
                    .contains("کد پیگیری", request.code().value().chars()
                            .mapToObj(c -> String.valueOf((char) ('۰' + c - '0'))).reduce("", String::concat));
            assertThat(outbox.forRequest(request.code()).getLast().text()).contains("آسفالت ترمیم شد.");
        }
    }
}
