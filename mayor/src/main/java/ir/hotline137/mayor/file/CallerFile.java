package ir.hotline137.mayor.file;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the moderators know of a phone number, as last set.
 *
 * @param number the caller's digits as the IVR gives them (the requests' own form)
 * @param note   a line for the next moderator, possibly empty
 * @param by     who set it last
 */
public record CallerFile(String number, Set<CallerFlag> flags, String note, String by, Instant at) {
    public static final int MAX_NOTE_LENGTH = 300;

    public CallerFile {
        Objects.requireNonNull(number, "number");
        // In the flags' own order, so every screen lists them alike.
        flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        if (note.length() > MAX_NOTE_LENGTH) {
            throw new IllegalArgumentException("a caller file note is longer than " + MAX_NOTE_LENGTH);
        }
    }

    /** Nothing to show: no flag and no note. */
    public boolean isEmpty() {
        return flags.isEmpty() && note.isBlank();
    }
}
