package ir.hotline137.console.shift;

import ir.hotline137.switchboard.AwayReason;
import ir.hotline137.switchboard.Presence;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of an agent's presence, as kept: from {@link #at()} on they were in this state until their next mark.
 *
 * @param presence empty when the agent went off duty (closed their board)
 * @param reason   why they were away, when AWAY
 * @param call     the call they took, when BUSY (Asterisk's unique id)
 */
public record PresenceMark(String username, Instant at, Optional<Presence> presence, Optional<AwayReason> reason,
                           Optional<String> call) {
    public PresenceMark {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(call, "call");
    }

    static PresenceMark offDuty(String username, Instant at) {
        return new PresenceMark(username, at, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
