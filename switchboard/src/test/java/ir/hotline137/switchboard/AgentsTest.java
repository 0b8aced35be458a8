package ir.hotline137.switchboard;

import static ir.hotline137.switchboard.Samples.START;
import static ir.hotline137.switchboard.Samples.agent;
import static ir.hotline137.switchboard.Samples.call;
import static ir.hotline137.switchboard.Samples.info;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.switchboard.SwitchboardEvent.AgentPresenceChanged;
import ir.hotline137.switchboard.SwitchboardEvent.AgentSignedOut;
import ir.hotline137.testsupport.MutableClock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Boards.class)
class AgentsTest {
    private final Boards.Opened opened;
    private final Switchboard switchboard;
    private final RecordingListener events = new RecordingListener();

    AgentsTest(Boards kind) {
        opened = kind.open(new MutableClock(START));
        switchboard = opened.switchboard;
        switchboard.subscribe(events);
    }

    @AfterEach
    void close() throws Exception {
        opened.close();
    }

    @Test
    void aSignedInAgentIsAvailable() {
        AgentView view = switchboard.signIn(agent("sara"));

        assertThat(view).isEqualTo(new AgentView(agent("sara"), Presence.AVAILABLE, Optional.empty(), Optional.empty()));
        assertThat(switchboard.agents()).containsExactly(view);
        assertThat(events.events()).containsExactly(new AgentPresenceChanged(START, view));
    }

    @Test
    void agentsAreListedByUsername() {
        switchboard.signIn(agent("zahra"));
        switchboard.signIn(agent("ali"));
        switchboard.signIn(agent("maryam"));

        assertThat(switchboard.agents()).extracting(a -> a.agent().username()).containsExactly("ali", "maryam", "zahra");
    }

    @Test
    void signingInAgainUpdatesTheDetailsButKeepsTheCall() {
        switchboard.signIn(agent("sara"));
        switchboard.enqueue(call(1), info());
        switchboard.accept(call(1), "sara");
        Agent moved = new Agent("sara", "سارا احمدی", "PJSIP/205");

        AgentView view = switchboard.signIn(moved);

        assertThat(view).isEqualTo(new AgentView(moved, Presence.BUSY, Optional.of(call(1)), Optional.empty()));
        assertThat(switchboard.agents()).containsExactly(view);
    }

    @Test
    void signingInAgainKeepsABreak() {
        switchboard.signIn(agent("sara"));
        switchboard.goAway("sara", AwayReason.BREAK);
        events.clear();

        switchboard.signIn(agent("sara"));

        assertThat(switchboard.agent("sara").orElseThrow().presence()).isEqualTo(Presence.AWAY);
        assertThat(events.events()).as("nothing changed, nothing published").isEmpty();
    }

    @Test
    void presenceMovesBetweenAvailableAndAwayWithTheReasonChosen() {
        switchboard.signIn(agent("sara"));
        events.clear();

        switchboard.goAway("sara", AwayReason.BREAK);
        switchboard.goAway("sara", AwayReason.BREAK);
        switchboard.goAway("sara", AwayReason.PRAYER);
        switchboard.setAvailable("sara");

        assertThat(events.events()).containsExactly(
                new AgentPresenceChanged(START, away("sara", AwayReason.BREAK)),
                new AgentPresenceChanged(START, away("sara", AwayReason.PRAYER)),
                new AgentPresenceChanged(START,
                        new AgentView(agent("sara"), Presence.AVAILABLE, Optional.empty(), Optional.empty())));
    }

    @Test
    void onlyTheSwitchboardSaysAPhoneDidNotAnswer() {
        switchboard.signIn(agent("sara"));

        assertThatThrownBy(() -> switchboard.goAway("sara", AwayReason.NO_ANSWER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(switchboard.agent("sara").orElseThrow().presence()).isEqualTo(Presence.AVAILABLE);
    }

    @Test
    void acceptingACallEndsTheReasonForBeingAway() {
        switchboard.signIn(agent("sara"));
        switchboard.goAway("sara", AwayReason.MEAL);
        switchboard.setAvailable("sara");
        switchboard.enqueue(call(1), info());
        switchboard.accept(call(1), "sara");

        assertThat(switchboard.agent("sara").orElseThrow().awayReason()).isEmpty();
    }

    private static AgentView away(String username, AwayReason reason) {
        return new AgentView(agent(username), Presence.AWAY, Optional.empty(), Optional.of(reason));
    }

    @Test
    void anAgentOnACallCannotChangePresenceOrSignOut() {
        switchboard.signIn(agent("sara"));
        switchboard.enqueue(call(1), info());
        switchboard.accept(call(1), "sara");

        assertThatThrownBy(() -> switchboard.goAway("sara", AwayReason.BREAK)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> switchboard.setAvailable("sara")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> switchboard.signOut("sara")).isInstanceOf(IllegalStateException.class);
        assertThat(switchboard.agent("sara").orElseThrow())
                .isEqualTo(new AgentView(agent("sara"), Presence.BUSY, Optional.of(call(1)), Optional.empty()));
    }

    @Test
    void aSignedOutAgentIsGone() {
        switchboard.signIn(agent("sara"));
        events.clear();

        switchboard.signOut("sara");
        switchboard.signOut("sara");

        assertThat(switchboard.agents()).isEmpty();
        assertThat(switchboard.agent("sara")).isEmpty();
        assertThat(events.events()).containsExactly(new AgentSignedOut(START, "sara"));
        assertThatThrownBy(() -> switchboard.goAway("sara", AwayReason.BREAK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sara");
    }
}
