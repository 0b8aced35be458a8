package ir.hotline137.mayor.line;

import java.util.Objects;
import java.util.Optional;

/**
 * What the IVR gathered from a caller before putting them on the mayor's line, for the moderator to screen
 * them by without calling back.
 *
 * @param transcript the caller's name and topic as recognised, possibly imperfect
 * @param recording  the same in the caller's own voice (a path as text), for when recognition failed
 */
public record MayorTopic(
        Optional<String> callerNumber,
        Optional<Integer> district,
        Optional<String> transcript,
        Optional<String> recording) {

    public MayorTopic {
        Objects.requireNonNull(callerNumber, "callerNumber");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(transcript, "transcript");
        Objects.requireNonNull(recording, "recording");
    }

    /** For a caller who said nothing usable; the moderator listens to them or rejects them. */
    public static MayorTopic nothing(Optional<String> callerNumber) {
        return new MayorTopic(callerNumber, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
