package ir.hotline137.switchboard;

import static ir.hotline137.switchboard.Samples.START;
import static ir.hotline137.switchboard.Samples.agent;
import static ir.hotline137.switchboard.Samples.call;
import static ir.hotline137.switchboard.Samples.fullInfo;
import static ir.hotline137.switchboard.Samples.info;
import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.store.postgresql.ClusterNode;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.PostgresSettings;
import ir.hotline137.switchboard.AcceptOutcome.Accepted;
import ir.hotline137.switchboard.AcceptOutcome.TakenByOther;
import ir.hotline137.switchboard.SwitchboardEvent.AgentSignedOut;
import ir.hotline137.switchboard.SwitchboardEvent.CallAssigned;
import ir.hotline137.switchboard.SwitchboardEvent.CallLeftQueue;
import ir.hotline137.switchboard.SwitchboardEvent.CallWaiting;
import ir.hotline137.switchboard.SwitchboardEvent.LeaveReason;
import ir.hotline137.testsupport.Eventually;
import ir.hotline137.testsupport.MutableClock;
import ir.hotline137.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one switchboard in a real PostgreSQL: what one node's IVR puts on hold another node's agent sees,
 * takes and has dialled; a race across nodes is won once; a dead node's callers and agents are taken off.
 */
class PostgresSwitchboardClusterTest {
    private final MutableClock clock = new MutableClock(START);
    private final TestPostgres schema = TestPostgres.freshSchema();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable each : opened.reversed()) {
            each.close();
        }
        schema.close();
    }

    /** One node's parts, each closable alone, as a node dies part by part in a test. */
    private final class Node {
        final PostgresDatabase database;
        final ClusterNode cluster;
        final PostgresSwitchboard switchboard;
        final RecordingListener everything = new RecordingListener();
        final RecordingListener madeHere = new RecordingListener();

        Node(String name) {
            this(name, Duration.ofSeconds(2));
        }

        /** @param lookAnyway how often a caller on hold here asks PostgreSQL when no event about them was read */
        Node(String name, Duration lookAnyway) {
            database = PostgresDatabase.open(new PostgresSettings(schema.url(), TestPostgres.USER,
                    TestPostgres.PASSWORD, 6));
            opened.add(database);
            cluster = ClusterNode.join(database, name, Duration.ofMillis(200));
            opened.add(cluster);
            switchboard = PostgresSwitchboard.open(database, cluster, clock, Duration.ofMillis(200), lookAnyway);
            opened.add(switchboard);
            switchboard.subscribe(everything);
            switchboard.subscribeHere(madeHere);
        }
    }

    @Test
    void aCallerHeldOnOneNodeIsSeenTakenAndDialledFromAnother() {
        Node a = new Node("node-a");
        Node b = new Node("node-b");
        b.switchboard.signIn(agent("sara"));

        WaitingCall held = a.switchboard.enqueue(call(1), fullInfo());

        // B's screen hears the caller (from A's NOTIFY) and B's list has them with everything A gathered.
        eventually(() -> !b.everything.ofType(CallWaiting.class).isEmpty());
        assertThat(b.everything.ofType(CallWaiting.class).getFirst().call().info()).isEqualTo(fullInfo());
        assertThat(b.switchboard.waitingCalls()).extracting(WaitingCallView::id).containsExactly(call(1));

        AcceptOutcome outcome = b.switchboard.accept(call(1), "sara");

        assertThat(outcome).isInstanceOf(Accepted.class);
        // A's IVR, looking at its handle, sees the agent and their phone: it dials.
        assertThat(held.assignedAgent()).contains(agent("sara"));
        eventually(() -> a.everything.ofType(CallAssigned.class).size() == 1);
        held.bridgeEnded();
        assertThat(b.switchboard.agent("sara").orElseThrow().presence()).isEqualTo(Presence.AVAILABLE);
        // Each change is told where it was made, once: the accept on B, the end on A.
        assertThat(b.madeHere.ofType(CallAssigned.class)).hasSize(1);
        assertThat(a.madeHere.ofType(CallAssigned.class)).isEmpty();
        eventually(() -> b.everything.events().size() == a.everything.events().size());
        assertThat(b.everything.events()).isEqualTo(a.everything.events());
    }

    /**
     * A caller on hold is looked at every 250 ms; their node asks PostgreSQL only when an event about them was read.
     * Here it would not ask again for an hour on its own: the acceptance on the other node reaches the caller all the
     * same, by its event.
     */
    @Test
    void aCallerOnHoldLearnsOfAnAcceptanceOnAnotherNodeByItsEvent() {
        Node a = new Node("node-a", Duration.ofHours(1));
        Node b = new Node("node-b");
        b.switchboard.signIn(agent("sara"));
        WaitingCall held = a.switchboard.enqueue(call(1), info());
        assertThat(held.assignedAgent()).as("the first look asks").isEmpty();
        assertThat(held.assignedAgent()).as("nothing happened since").isEmpty();

        assertThat(b.switchboard.accept(call(1), "sara")).isInstanceOf(Accepted.class);

        eventually(() -> held.assignedAgent().isPresent());
        assertThat(held.assignedAgent()).contains(agent("sara"));
    }

    /**
     * The thread hearing other nodes may be telling this node's listeners when a change is made here: the change
     * still returns only once its events are told, as on one node.
     */
    @Test
    void aChangeIsToldHereBeforeItReturnsWhileAnotherNodesChangeIsBeingTold() throws Exception {
        Node a = new Node("node-a");
        Node b = new Node("node-b");
        CountDownLatch telling = new CountDownLatch(1);
        a.switchboard.subscribe(event -> {
            if (event instanceof CallWaiting waiting && waiting.call().id().equals(call(2))) {
                telling.countDown();
                try {
                    Thread.sleep(500); // a slow screen, on the thread that heard node B
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        RecordingListener recorded = new RecordingListener();
        a.switchboard.subscribe(recorded);

        b.switchboard.enqueue(call(2), info());
        assertThat(telling.await(10, TimeUnit.SECONDS)).isTrue();
        a.switchboard.enqueue(call(1), info());

        assertThat(recorded.ofType(CallWaiting.class)).extracting(waiting -> waiting.call().id())
                .containsExactly(call(2), call(1));
    }

    /**
     * An agent's console come back through another node is that node's: told there (so its shift log keeps them on
     * duty), and the board closing on the first node no longer signs them out.
     */
    @Test
    void anAgentComeBackThroughAnotherNodeIsThatNodesOwn() {
        Node a = new Node("node-a");
        Node b = new Node("node-b");
        a.switchboard.signIn(agent("sara"));

        b.switchboard.signIn(agent("sara"));

        eventually(() -> b.madeHere.ofType(SwitchboardEvent.AgentPresenceChanged.class).size() == 1);
        a.switchboard.signOutHere("sara");
        assertThat(b.switchboard.agentsHere()).extracting(view -> view.agent().username()).containsExactly("sara");
        assertThat(a.switchboard.agentsHere()).isEmpty();
        b.switchboard.signOutHere("sara");
        assertThat(a.switchboard.agents()).isEmpty();
    }

    @Test
    void agentsOnTwoNodesRacingForOneCallGiveItToExactlyOne() throws Exception {
        Node a = new Node("node-a");
        Node b = new Node("node-b");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                a.switchboard.signIn(agent("sara"));
                b.switchboard.signIn(agent("reza"));
                WaitingCall held = a.switchboard.enqueue(call(round), info());
                CountDownLatch start = new CountDownLatch(1);
                CallId id = call(round);
                Future<AcceptOutcome> bySara = pool.submit(() -> {
                    start.await();
                    return a.switchboard.accept(id, "sara");
                });
                Future<AcceptOutcome> byReza = pool.submit(() -> {
                    start.await();
                    return b.switchboard.accept(id, "reza");
                });
                start.countDown();
                List<AcceptOutcome> outcomes = List.of(bySara.get(10, TimeUnit.SECONDS),
                        byReza.get(10, TimeUnit.SECONDS));

                assertThat(outcomes).filteredOn(Accepted.class::isInstance).hasSize(1);
                assertThat(outcomes).filteredOn(TakenByOther.class::isInstance).hasSize(1);
                String winner = ((Accepted) outcomes.stream().filter(Accepted.class::isInstance).findFirst()
                        .orElseThrow()).agent().username();
                assertThat(held.assignedAgent().orElseThrow().username()).isEqualTo(winner);
                held.bridgeEnded();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeadNodesCallersAndAgentsAreTakenOffByTheLivingAndARestartedNodeTakesOffItsOwn() throws Exception {
        Node a = new Node("node-a");
        Node b = new Node("node-b");
        a.switchboard.signIn(agent("sara"));
        a.switchboard.enqueue(call(1), info());
        b.switchboard.signIn(agent("reza"));
        b.switchboard.enqueue(call(2), info());

        // Node A dies (no goodbye: its connections are simply gone), and the cluster finds it silent.
        a.cluster.close();
        a.database.close();
        try (Statement silence = schemaConnection().createStatement()) {
            silence.execute("UPDATE cluster_nodes SET seen_at = now() - interval '1 hour' WHERE name = 'node-a'");
        }

        eventually(() -> b.switchboard.waitingCalls().size() == 1);
        assertThat(b.switchboard.waitingCalls()).extracting(WaitingCallView::id).containsExactly(call(2));
        assertThat(b.switchboard.agents()).extracting(view -> view.agent().username()).containsExactly("reza");
        // The living node made these changes, so it keeps them (its shift log marks sara off duty).
        eventually(() -> !b.madeHere.ofType(AgentSignedOut.class).isEmpty());
        assertThat(b.madeHere.ofType(CallLeftQueue.class)).extracting(CallLeftQueue::reason)
                .containsExactly(LeaveReason.ABANDONED);

        // B dies too and starts again under its name: its caller and its agent were held by its last run.
        b.cluster.close();
        b.database.close();
        Node again = new Node("node-b");
        assertThat(again.switchboard.waitingCalls()).isEmpty();
        assertThat(again.switchboard.agents()).isEmpty();
    }

    private Connection schemaConnection() throws Exception {
        Connection connection = DriverManager.getConnection(schema.url(), TestPostgres.USER,
                TestPostgres.PASSWORD);
        opened.add(connection);
        return connection;
    }

    /** Another node hears of a change within milliseconds; ten seconds is for a loaded machine. */
    private static void eventually(BooleanSupplier condition) {
        Eventually.await(condition, Duration.ofSeconds(10));
    }
}
