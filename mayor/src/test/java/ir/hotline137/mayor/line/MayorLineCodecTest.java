package ir.hotline137.mayor.line;

import static ir.hotline137.mayor.line.Fixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.mayor.line.MayorLineEvent.CallerChanged;
import ir.hotline137.mayor.line.MayorLineEvent.CallerJoined;
import ir.hotline137.mayor.line.MayorLineEvent.CallerLeft;
import ir.hotline137.mayor.line.MayorLineEvent.MessageSaid;
import ir.hotline137.mayor.line.MayorLineEvent.NumberGiven;
import ir.hotline137.mayor.line.MayorLineEvent.SessionClosed;
import ir.hotline137.mayor.line.MayorLineEvent.SessionOpened;
import ir.hotline137.switchboard.CallId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a shared line writes in PostgreSQL reads back as written: every field, set and unset. */
class MayorLineCodecTest {
    private static final MayorSession OPEN = new MayorSession("s-1", "شهردار پاسخ می‌دهد", START,
            START.plusSeconds(3600), "sara", Optional.empty());
    private static final MayorSession CLOSED = new MayorSession("s-1", "شهردار پاسخ می‌دهد", START,
            START.plusSeconds(3600), "sara", Optional.of(START.plusSeconds(3000)));
    private static final MayorTopic FULL = new MayorTopic(Optional.of("09121234567"), Optional.of(6),
            Optional.of("دربارهٔ خط ۲ مترو"), Optional.of("/recordings/t.wav"));
    private static final MayorTopic NOTHING = MayorTopic.nothing(Optional.empty());

    @Test
    void aSnapshotWithEveryFieldSetAndUnsetReadsBackEqual() {
        HeldCaller everything = new HeldCaller(new CallId("1.1"), FULL, "s-1", START, "node-a", ScreeningState.ON_AIR,
                List.of("mina: آرام است", "mina: دلیل رد: —"), "mina", "mayor", "PJSIP/mayor",
                START.plusSeconds(60), START.plusSeconds(240), "/recordings/c.wav", "09125550007");
        HeldCaller bare = new HeldCaller(new CallId("1.2"), NOTHING, "s-1", START.plusSeconds(5), "node-b",
                ScreeningState.AWAITING_SCREENING, List.of(), null, null, null, null, null, null, null);
        LineSnapshot full = new LineSnapshot(Optional.of(OPEN), List.of(everything, bare), Optional.of(everything),
                Optional.of(new CallId("1.2")), List.of(new LineMessage(START, "mina", "دو دقیقه مانده")));

        assertThat(MayorLineCodec.snapshot(MayorLineCodec.snapshot(full))).isEqualTo(full);
        assertThat(MayorLineCodec.snapshot(MayorLineCodec.snapshot(LineSnapshot.EMPTY))).isEqualTo(LineSnapshot.EMPTY);
    }

    @Test
    void everyKindOfEventReadsBackEqual() {
        MayorCallerView full = new MayorCallerView(new CallId("1.1"), FULL, ScreeningState.TALKED, START,
                Duration.ofSeconds(75), 0, List.of("mina: یادداشت"), Optional.of("mina"),
                Optional.of(START.plusSeconds(75)), Optional.of(START.plusSeconds(300)), "s-1", Optional.of("mayor"),
                Optional.of("/recordings/c.wav"));
        MayorCallerView bare = new MayorCallerView(new CallId("1.2"), NOTHING, ScreeningState.AWAITING_SCREENING,
                START, Duration.ZERO, 3, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), "s-1",
                Optional.empty(), Optional.empty());
        List<MayorLineEvent> events = List.of(
                new SessionOpened(START, OPEN),
                new SessionClosed(START.plusSeconds(3000), CLOSED, "sara"),
                new CallerJoined(START, bare),
                new CallerChanged(START.plusSeconds(300), full),
                new CallerLeft(START.plusSeconds(9), bare),
                new MessageSaid(START.plusSeconds(1), new LineMessage(START.plusSeconds(1), "mayor", "بفرستید")),
                new NumberGiven(START.plusSeconds(2), new CallId("1.2"), "09125550007"),
                new MayorLineEvent.CallerFileChanged(START.plusSeconds(3), "09125550007"));

        for (MayorLineEvent event : events) {
            assertThat(MayorLineCodec.event(MayorLineCodec.event(event))).isEqualTo(event);
        }
    }
}
