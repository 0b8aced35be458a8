package ir.hotline137.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValuesTest {
    @Test
    void blankIdsAndNamesAreRefused() {
        assertThatThrownBy(() -> new CallId(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Agent("", "سارا", "PJSIP/101")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Agent("sara", " ", "PJSIP/101")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Agent("sara", "سارا", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gatheredDuplicatesAreCopiedAndCannotBeChanged() {
        List<SuggestedDuplicate> found = new ArrayList<>();
        found.add(new SuggestedDuplicate("12345674", 0.9, Instant.EPOCH, "معابر"));
        GatheredInfo info = new GatheredInfo(Optional.empty(), Optional.of(3), Optional.empty(), Optional.empty(),
                Optional.empty(), found, EscalationReason.MENU_NOT_UNDERSTOOD);

        found.clear();

        assertThat(info.duplicates()).hasSize(1);
        assertThatThrownBy(() -> info.duplicates().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nothingGatheredKeepsOnlyTheNumberAndTheReason() {
        GatheredInfo info = GatheredInfo.nothing(Optional.of("09121234567"), EscalationReason.SYSTEM_ERROR);

        assertThat(info).isEqualTo(new GatheredInfo(Optional.of("09121234567"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), EscalationReason.SYSTEM_ERROR));
    }
}
