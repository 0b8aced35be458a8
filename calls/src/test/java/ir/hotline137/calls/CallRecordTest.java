package ir.hotline137.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallRecordTest {
    private static final Instant START = Instant.parse("2025-03-01T07:30:00Z");

    @Test
    void aBlankCallIdIsRefused() {
        assertThatThrownBy(() -> call(" ", START, START.plusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callId");
    }

    @Test
    void aCallCannotEndBeforeItStarted() {
        assertThatThrownBy(() -> call("1740814200.1", START, START.minusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before it started");
    }

    @Test
    void aCallMayEndTheMomentItStarts() {
        assertThat(call("1740814200.1", START, START).duration()).isZero();
    }

    @Test
    void aNegativeWaitIsRefused() {
        assertThatThrownBy(() -> new CallRecord("1740814200.1", Optional.empty(), START, START.plusSeconds(60),
                List.of(), CallOutcome.ESCALATED_ANSWERED, Optional.empty(), Optional.of(Duration.ofSeconds(-1)),
                Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    void missingFieldsAreRefused() {
        assertThatThrownBy(() -> new CallRecord("1740814200.1", null, START, START, List.of(), CallOutcome.ENDED,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CallRecord("1740814200.1", Optional.empty(), START, START, List.of(), null,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CallRecord("1740814200.1", Optional.empty(), START, START,
                Arrays.asList("menu:1", null), CallOutcome.ENDED,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void thePathIsCopiedAndCannotBeChanged() {
        List<String> path = new ArrayList<>(List.of("menu:1", "district:5"));
        CallRecord call = new CallRecord("1740814200.1", Optional.empty(), START, START, path, CallOutcome.REGISTERED,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        path.add("menu:9");

        assertThat(call.path()).containsExactly("menu:1", "district:5");
        assertThatThrownBy(() -> call.path().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static CallRecord call(String id, Instant startedAt, Instant endedAt) {
        return new CallRecord(id, Optional.empty(), startedAt, endedAt, List.of(), CallOutcome.HUNG_UP,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
