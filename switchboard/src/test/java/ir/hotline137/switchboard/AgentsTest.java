package ir.hotline137.switchboard;

import static ir.hotline137.switchboard.Samples.START;
import static ir.hotline137.switchboard.Samples.agent;
import static ir.hotline137.switchboard.Samples.call;
import static ir.hotline137.switchboard.Samples.info;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.testsupport.MutableClock;
import ir.hotline137.switchboard.SwitchboardEvent.AgentPresenceChanged;
import ir.hotline137.switchboard.SwitchboardEvent.AgentSignedOut;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentsTest {
    private final Switchboard switchboard = new Switchboard(new MutableClock(START));
    private final RecordingListener events = new RecordingListener();

    AgentsTest() {
        switchboard.subscribe(events);
    }

    @Test
    void aSignedInAgentIsAvailable() {
        AgentView view = switchboard.signIn(agent("sara"));

        assertThat(view).isEqualTo(new AgentView(agent("sara"), Presence.AVAILABLE, Optional.empty()));
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

        assertThat(view).isEqualTo(new AgentView(moved, Presence.BUSY, Optional.of(call(1))));
        assertThat(switchboard.agents()).containsExactly(view);
    }

    @Test
    void signingInAgainKeepsABreak() {
        switchboard.signIn(agent("sara"));
        switchboard.setPresence("sara", Presence.AWAY);
        events.clear();

        switchboard.signIn(agent("sara"));

        assertThat(switchboard.agent("sara").orElseThrow().presence()).isEqualTo(Presence.AWAY);
        assertThat(events.events()).as("nothing changed, nothing published").isEmpty();
    }

    @Test
    void presenceMovesBetweenAvailableAndAway() {
        switchboard.signIn(agent("sara"));
        events.clear();

        switchboard.setPresence("sara", Presence.AWAY);
        switchboard.setPresence("sara", Presence.AWAY);
        switchboard.setPresence("sara", Presence.AVAILABLE);

        assertThat(events.events()).containsExactly(
                new AgentPresenceChanged(START, new AgentView(agent("sara"), Presence.AWAY, Optional.empty())),
                new AgentPresenceChanged(START, new AgentView(agent("sara"), Presence.AVAILABLE, Optional.empty())));
    }

    @Test
    void busyComesOnlyFromAcceptingACall() {
        switchboard.signIn(agent("sara"));

        assertThatThrownBy(() -> switchboard.setPresence("sara", Presence.BUSY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(switchboard.agent("sara").orElseThrow().presence()).isEqualTo(Presence.AVAILABLE);
    }

    @Test
    void anAgentOnACallCannotChangePresenceOrSignOut() {
        switchboard.signIn(agent("sara"));
        switchboard.enqueue(call(1), info());
        switchboard.accept(call(1), "sara");

        assertThatThrownBy(() -> switchboard.setPresence("sara", Presence.AWAY)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> switchboard.setPresence("sara", Presence.AVAILABLE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> switchboard.signOut("sara")).isInstanceOf(IllegalStateException.class);
        assertThat(switchboard.agent("sara").orElseThrow())
                .isEqualTo(new AgentView(agent("sara"), Presence.BUSY, Optional.of(call(1))));
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
        assertThatThrownBy(() -> switchboard.setPresence("sara", Presence.AWAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sara");
    }
}
