package ir.hotline137.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.outbound.callback.Callback;
import ir.hotline137.outbound.callback.CallbackDesk;
import ir.hotline137.outbound.callback.CallbackKind;
import ir.hotline137.outbound.callback.CallbackOutcome;
import ir.hotline137.outbound.callback.CallbackStatus;
import ir.hotline137.outbound.callback.CallbackStore;
import ir.hotline137.outbound.dispatch.CallSettings;
import ir.hotline137.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The callback queue kept in the store, asked of each (the embedded one and PostgreSQL's): one callback per number,
 * in the place its citizen first waited; only the try under way is ended, by whoever has it; busy and unanswered
 * tries wait their spacing and run out; one being called when the hotline stopped waits in its place again.
 */
abstract class CallbackStoreContract {
    private static final Instant NOON = Instant.parse("2026-12-05T08:30:00Z");

    /** A store on fresh data. */
    abstract CallbackStore open() throws Exception;

    /** The same data opened again (the store before it is closed). */
    abstract CallbackStore reopen() throws Exception;

    @AfterEach
    abstract void release() throws Exception;

    @Test
    void onlyTheTryUnderWayIsEndedAndTheCitizensTriesRunOut() throws Exception {
        MutableClock clock = new MutableClock(NOON, ZoneId.of("Asia/Tehran"));
        {
            CallbackDesk callbacks = new CallbackDesk(open(), Optional::empty,
                    new CallSettings(1, 2, Duration.ofMinutes(30)), clock);
            Callback late = callbacks.keepPlace(Optional.of("09121110002"), NOON.minusSeconds(60), Optional.empty())
                    .orElseThrow();
            Callback early = callbacks.leftMessage(Optional.of("09121110001"), NOON.minusSeconds(600),
                    Optional.empty(), Optional.of(3)).orElseThrow();
            assertThat(callbacks.keepPlace(Optional.of("09121110002"), NOON, Optional.empty())).as("one per number")
                    .contains(late);
            assertThat(callbacks.open()).extracting(Callback::id).containsExactly(early.id(), late.id());
            assertThat(callbacks.open().getFirst().kind()).isEqualTo(CallbackKind.MESSAGE);

            Callback busy = callbacks.recordByHand(early.id(), "maryam", CallbackOutcome.BUSY).orElseThrow();
            assertThat(busy.status()).isEqualTo(CallbackStatus.WAITING);
            assertThat(busy.dueAt()).isEqualTo(NOON.plus(Duration.ofMinutes(30)));
            assertThat(callbacks.citizenLeg(early.id(), "maryam", 1, CallbackOutcome.ANSWERED))
                    .as("a late word about a try already ended ends nothing").isEmpty();
            Callback missed = callbacks.recordByHand(early.id(), "reza", CallbackOutcome.AGENT_MISSED).orElseThrow();
            assertThat(missed.status()).as("an agent's miss is not the citizen's try").isEqualTo(CallbackStatus.WAITING);
            Callback gaveUp = callbacks.recordByHand(early.id(), "reza", CallbackOutcome.NO_ANSWER).orElseThrow();
            assertThat(gaveUp.status()).as("the second of two tries").isEqualTo(CallbackStatus.CLOSED);
            assertThat(gaveUp.citizensTries()).isEqualTo(2);
            assertThat(callbacks.open()).extracting(Callback::id).containsExactly(late.id());
        }
    }

    @Test
    void aCallbackBeingCalledWhenTheHotlineStoppedWaitsInItsPlaceAgain() throws Exception {
        MutableClock clock = new MutableClock(NOON, ZoneId.of("Asia/Tehran"));
        long id;
        {
            CallbackStore store = open();
            id = store.add(Callback.asked("09121110003", CallbackKind.KEPT_PLACE, NOON.minusSeconds(300), NOON,
                    Optional.empty(), Optional.empty())).id();
            assertThat(store.claim(id, "maryam")).isPresent();
            assertThat(store.claim(id, "reza")).as("one agent at a time").isEmpty();
        }
        {
            CallbackDesk callbacks = new CallbackDesk(reopen(), Optional::empty,
                    new CallSettings(1, 3, Duration.ofMinutes(30)), clock);
            Callback again = callbacks.find(id).orElseThrow();
            assertThat(again.status()).isEqualTo(CallbackStatus.WAITING);
            assertThat(again.placeAt()).isEqualTo(NOON.minusSeconds(300));
            assertThat(again.citizensTries()).isZero();
            assertThat(callbacks.citizenLeg(id, "maryam", 1, CallbackOutcome.ANSWERED)).isEmpty();
        }
    }
}
