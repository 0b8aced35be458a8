package ir.hotline137.mayor.line;

import static ir.hotline137.mayor.line.Fixtures.MAYOR;
import static ir.hotline137.mayor.line.Fixtures.MAYOR_PHONE;
import static ir.hotline137.mayor.line.Fixtures.PLANNED_END;
import static ir.hotline137.mayor.line.Fixtures.START;
import static ir.hotline137.mayor.line.Fixtures.call;
import static ir.hotline137.mayor.line.Fixtures.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.mayor.line.MayorLineEvent.CallerChanged;
import ir.hotline137.mayor.line.MayorLineEvent.CallerJoined;
import ir.hotline137.mayor.line.MayorLineEvent.CallerLeft;
import ir.hotline137.mayor.line.MayorLineEvent.MessageSaid;
import ir.hotline137.mayor.line.NextCaller.Bridged;
import ir.hotline137.mayor.line.NextCaller.StillOnAir;
import ir.hotline137.mayor.log.PostgresMayorSessionLog;
import ir.hotline137.mayor.log.SessionCaller;
import ir.hotline137.mayor.log.SessionRecorder;
import ir.hotline137.store.postgresql.ClusterNode;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.testsupport.Eventually;
import ir.hotline137.testsupport.MutableClock;
import ir.hotline137.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mayor's line of a cluster, on a real PostgreSQL: each node is its own database pool, cluster membership and line,
 * as two JVMs would have them. A caller held by one node's IVR is screened and put on air from another's console; the
 * race for the mayor is won once across nodes; the screening room and the mayor write to each other through any nodes;
 * a programme closed on one node sends another node's callers to the intake; the line and its record commit
 * together; a change is told on its node before it returns; a dead node's callers leave the line.
 */
class SharedMayorLineTest {
    private final MutableClock clock = new MutableClock(START);
    private final Lines.Opened cluster = Lines.cluster();

    @AfterEach
    void close() throws Exception {
        cluster.close();
    }

    private Connection schemaConnection() throws Exception {
        return cluster.closeLater(DriverManager.getConnection(cluster.url(), TestPostgres.USER, TestPostgres.PASSWORD));
    }

    /** One node: its own pool, the programme's record in PostgreSQL, and the line. */
    private final class Node {
        final PostgresDatabase database;
        final ClusterNode member;
        final PostgresMayorSessionLog log;
        final MayorLine line;
        final Recorded told = new Recorded();

        Node(String name) {
            database = cluster.database();
            member = cluster.member(database, name);
            log = PostgresMayorSessionLog.open(database);
            line = cluster.line(database, member, clock, new SessionRecorder(log));
            line.subscribe(told);
        }
    }

    @Test
    void aCallerHeldOnOneNodeIsScreenedAndPutOnAirFromAnother() {
        Node a = new Node("node-b-ivr");
        Node b = new Node("node-c-console");
        MayorSession session = b.line.open("گفتگوی زنده", PLANNED_END, "moderator");
        eventually(() -> a.line.current().isPresent());

        MayorCaller held = a.line.join(call(1), topic(1));
        eventually(() -> b.told.events().stream().anyMatch(CallerJoined.class::isInstance));
        assertThat(b.line.caller(call(1))).isPresent();

        b.line.note(call(1), "دربارهٔ خط ۲ مترو", "moderator");
        b.line.approve(call(1), "moderator");
        clock.advance(Duration.ofSeconds(40));
        assertThat(b.line.next(MAYOR, MAYOR_PHONE)).isInstanceOf(Bridged.class);

        // The node holding the caller sees it at its next look and bridges to where the mayor's click said.
        eventually(() -> held.turn() instanceof Turn.OnAir);
        assertThat(held.turn()).isEqualTo(new Turn.OnAir(MAYOR, MAYOR_PHONE));
        assertThat(held.view().notes()).containsExactly("moderator: دربارهٔ خط ۲ مترو");

        held.recordedAs("/recordings/mayor-1.wav");
        clock.advance(Duration.ofMinutes(2));
        held.talked();
        eventually(() -> b.line.caller(call(1)).orElseThrow().state() == ScreeningState.TALKED);
        assertThat(b.line.caller(call(1))).isEqualTo(a.line.caller(call(1)));
        assertThat(b.line.caller(call(1)).orElseThrow().conversationRecording())
                .contains("/recordings/mayor-1.wav");

        // Every node's screens were told the same changes in the same order.
        eventually(() -> b.told.events().size() == a.told.events().size());
        assertThat(b.told.events()).isEqualTo(a.told.events());
        // The programme's record is one, whichever node made each change.
        SessionCaller kept = b.log.caller(session.id(), call(1).value()).orElseThrow();
        assertThat(kept.state()).isEqualTo(ScreeningState.TALKED);
        assertThat(kept.notes()).containsExactly("moderator: دربارهٔ خط ۲ مترو");
    }

    /**
     * B's thread hearing other nodes is telling A's change to a slow screen when B's own change is made: B's change
     * is queued behind it, and still returns only once told, as a change on one node does.
     */
    @Test
    void aChangeIsToldOnItsNodeBeforeItReturnsWhileAnotherNodesChangeIsBeingTold() throws Exception {
        Node a = new Node("node-a");
        Node b = new Node("node-b");
        CountDownLatch telling = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        b.line.subscribe(event -> {
            if (event instanceof MayorLineEvent.SessionOpened) {
                telling.countDown();
                try {
                    goOn.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        a.line.open("t", PLANNED_END, "moderator");
        assertThat(telling.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException interrupted) {
                return;
            }
            goOn.countDown();
        });

        b.line.join(call(1), topic(1));

        assertThat(b.told.events()).filteredOn(CallerJoined.class::isInstance).hasSize(1);
    }

    @Test
    void theScreeningRoomsMessagesAndANumberACallerGaveReachEveryNode() {
        Node screeningRoom = new Node("node-a");
        Node mayorsOffice = new Node("node-b");
        screeningRoom.line.open("t", PLANNED_END, "moderator");
        LineMessage said = screeningRoom.line.say("moderator", "تماس‌گیرندهٔ بعدی دربارهٔ مترو می‌پرسد");

        eventually(() -> mayorsOffice.told.events().stream().anyMatch(MessageSaid.class::isInstance));
        assertThat(mayorsOffice.told.events()).contains(new MessageSaid(START, said));
        assertThat(mayorsOffice.line.messages()).containsExactly(said);
        LineMessage answer = mayorsOffice.line.say("mayor", "بفرستید");
        eventually(() -> screeningRoom.line.messages().size() == 2);
        assertThat(screeningRoom.line.messages()).containsExactly(said, answer);
        // A caller who withheld their number tells it to the moderator: every node looks them up by it.
        screeningRoom.line.join(call(7), MayorTopic.nothing(Optional.empty()));
        screeningRoom.line.giveNumber(call(7), "09125550007");
        eventually(() -> mayorsOffice.line.givenNumber(call(7)).isPresent());
        assertThat(mayorsOffice.line.givenNumber(call(7))).contains("09125550007");
        screeningRoom.line.join(call(8), topic(8));
        assertThat(mayorsOffice.line.giveNumber(call(8), "09120000000")).as("the network's number is not replaced")
                .isInstanceOf(ScreeningOutcome.NotAllowed.class);
        assertThat(mayorsOffice.line.giveNumber(call(7), "09125550008")).as("a typo put right")
                .isInstanceOf(ScreeningOutcome.Done.class);
        // A caller file written through one node: the other's screens read their callers' files again.
        screeningRoom.line.callerFileChanged("09125550008");
        eventually(() -> mayorsOffice.told.events().contains(
                new MayorLineEvent.CallerFileChanged(START, "09125550008")));
        // A node starting mid-programme (a restart, a third node) has the programme's messages and numbers so far.
        Node third = new Node("node-c");
        assertThat(third.line.messages()).containsExactly(said, answer);
        assertThat(third.line.givenNumber(call(7))).contains("09125550008");
    }

    @Test
    void theMayorsNextCallerIsTakenOnceWhenTwoNodesClickAtOnce() throws Exception {
        Node a = new Node("node-a");
        Node b = new Node("node-b");
        a.line.open("t", PLANNED_END, "moderator");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= 10; round++) {
                MayorCaller first = a.line.join(call(2 * round), topic(1));
                MayorCaller second = b.line.join(call(2 * round + 1), topic(2));
                a.line.approve(first.id(), "moderator");
                b.line.approve(second.id(), "moderator");
                CyclicBarrier start = new CyclicBarrier(2);
                Future<NextCaller> onA = pool.submit(() -> {
                    start.await();
                    return a.line.next(MAYOR, MAYOR_PHONE);
                });
                Future<NextCaller> onB = pool.submit(() -> {
                    start.await();
                    return b.line.next(MAYOR, "PJSIP/mayor-office");
                });
                List<NextCaller> outcomes = List.of(onA.get(), onB.get());

                assertThat(outcomes).as("round " + round).filteredOn(Bridged.class::isInstance).hasSize(1);
                assertThat(outcomes).as("round " + round).filteredOn(StillOnAir.class::isInstance).hasSize(1);
                Bridged bridged = (Bridged) outcomes.stream().filter(Bridged.class::isInstance).findFirst()
                        .orElseThrow();
                assertThat(bridged.caller().id()).as("the first approved goes first").isEqualTo(first.id());
                eventually(() -> first.turn() instanceof Turn.OnAir);
                first.talked();
                second.abandon();
            }
        } finally {
            pool.shutdownNow();
        }
        eventually(() -> b.line.callers().equals(a.line.callers()));
        assertThat(a.line.callers()).extracting(MayorCallerView::state).containsOnly(ScreeningState.TALKED,
                ScreeningState.ABANDONED);
    }

    @Test
    void aProgrammeClosedOnOneNodeSendsAnotherNodesCallersToTheIntake() {
        Node a = new Node("node-a");
        Node b = new Node("node-b");
        MayorSession session = b.line.open("t", PLANNED_END, "moderator");
        MayorCaller waiting = a.line.join(call(1), topic(1));
        MayorCaller approved = a.line.join(call(2), topic(2));
        b.line.approve(call(2), "moderator");
        b.line.designateNext(call(2));
        eventually(() -> a.line.designatedNext().isPresent());
        assertThat(a.line.designatedNext()).contains(call(2));
        assertThat(approved.state()).isEqualTo(ScreeningState.APPROVED);

        b.line.close(session.id(), "moderator");

        eventually(() -> waiting.turn() instanceof Turn.SessionClosed);
        assertThat(approved.turn()).isInstanceOf(Turn.SessionClosed.class);
        assertThat(a.line.current()).isEmpty();
        assertThat(a.line.callers()).isEmpty();
        // The next programme opens on either node, once.
        a.line.open("دوم", PLANNED_END, "moderator");
        assertThatThrownBy(() -> b.line.open("سوم", PLANNED_END, "moderator"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aChangeWhoseRecordCannotBeWrittenIsNotMadeOnAnyNode() throws Exception {
        Node a = new Node("node-a");
        Node b = new Node("node-b");
        MayorSession session = a.line.open("t", PLANNED_END, "moderator");
        a.line.join(call(1), topic(1));
        eventually(() -> b.line.caller(call(1)).isPresent());
        // The record's table is gone for a moment (say, a migration gone wrong): the change fails as a whole.
        try (Statement sabotage = schemaConnection().createStatement()) {
            sabotage.execute("ALTER TABLE mayor_callers RENAME TO mayor_callers_away");
        }

        assertThatThrownBy(() -> b.line.approve(call(1), "moderator")).isInstanceOf(RuntimeException.class);
        assertThat(b.line.caller(call(1)).orElseThrow().state()).as("the failed change is not left on its node")
                .isEqualTo(ScreeningState.AWAITING_SCREENING);
        assertThat(b.told.events()).filteredOn(CallerChanged.class::isInstance).isEmpty();

        try (Statement mend = schemaConnection().createStatement()) {
            mend.execute("ALTER TABLE mayor_callers_away RENAME TO mayor_callers");
        }
        b.line.approve(call(1), "moderator");
        eventually(() -> a.line.caller(call(1)).orElseThrow().state() == ScreeningState.APPROVED);
        assertThat(a.log.caller(session.id(), call(1).value()).orElseThrow().state())
                .isEqualTo(ScreeningState.APPROVED);
    }

    /**
     * A caller hangs up while PostgreSQL refuses the line's changes: their end cannot be written then, and the line
     * must not keep them waiting for the mayor to take a caller nobody holds. The node that let them go writes it at
     * its next sweep.
     */
    @Test
    void aCallersEndThatCouldNotBeWrittenIsWrittenAtTheNextSweep() throws Exception {
        Node a = new Node("node-a");
        Node b = new Node("node-b");
        a.line.open("t", PLANNED_END, "moderator");
        MayorCaller leaving = a.line.join(call(1), topic(1));
        try (Statement sabotage = schemaConnection().createStatement()) {
            sabotage.execute("ALTER TABLE mayor_callers RENAME TO mayor_callers_away");
        }

        assertThatThrownBy(leaving::abandon).isInstanceOf(RuntimeException.class);
        assertThat(a.line.caller(call(1)).orElseThrow().state()).isEqualTo(ScreeningState.AWAITING_SCREENING);

        try (Statement mend = schemaConnection().createStatement()) {
            mend.execute("ALTER TABLE mayor_callers_away RENAME TO mayor_callers");
        }
        eventually(() -> b.line.caller(call(1)).orElseThrow().state() == ScreeningState.ABANDONED);
        assertThat(leaving.turn()).isEqualTo(new Turn.HungUp());
    }

    @Test
    void aDeadNodesCallersLeaveTheLineAndTheMayorIsFreed() throws Exception {
        Node a = new Node("node-a");
        Node b = new Node("node-b");
        b.line.open("t", PLANNED_END, "moderator");
        a.line.join(call(1), topic(1));
        a.line.join(call(2), topic(2));
        MayorCaller kept = b.line.join(call(3), topic(3));
        b.line.approve(call(1), "moderator");
        assertThat(b.line.next(MAYOR, MAYOR_PHONE)).isInstanceOf(Bridged.class);

        // Node A dies with a caller on air and one waiting: Asterisk has hung both up.
        a.line.close();
        a.member.close();
        try (Statement silence = schemaConnection().createStatement()) {
            silence.execute("UPDATE cluster_nodes SET seen_at = now() - interval '1 hour' WHERE name = 'node-a'");
        }

        eventually(() -> b.told.events().stream().anyMatch(CallerLeft.class::isInstance));
        assertThat(b.line.caller(call(2)).orElseThrow().state()).isEqualTo(ScreeningState.ABANDONED);
        assertThat(b.line.caller(call(1)).orElseThrow().state()).isEqualTo(ScreeningState.TALKED);
        assertThat(b.told.events()).filteredOn(CallerLeft.class::isInstance)
                .extracting(event -> ((CallerLeft) event).caller().id()).containsExactly(call(2));
        assertThat(kept.turn()).isInstanceOf(Turn.StillWaiting.class);
        b.line.approve(call(3), "moderator");
        assertThat(b.line.next(MAYOR, MAYOR_PHONE)).as("the mayor is free for the next caller")
                .isInstanceOf(Bridged.class);
        assertThat(b.line.caller(call(3)).flatMap(MayorCallerView::mayor)).isEqualTo(Optional.of(MAYOR));

        // B restarts under its name with its caller on air: its last run held them, so they are taken off at start.
        b.line.join(call(4), topic(4));
        b.line.close();
        b.member.close();
        Node again = new Node("node-b");
        assertThat(again.line.caller(call(3)).orElseThrow().state()).isEqualTo(ScreeningState.TALKED);
        assertThat(again.line.caller(call(4)).orElseThrow().state()).isEqualTo(ScreeningState.ABANDONED);
    }

    /** Another node hears of a change within milliseconds; ten seconds is for a loaded machine. */
    private static void eventually(BooleanSupplier condition) {
        Eventually.await(condition, Duration.ofSeconds(10));
    }
}
