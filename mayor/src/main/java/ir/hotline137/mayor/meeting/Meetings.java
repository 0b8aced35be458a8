package ir.hotline137.mayor.meeting;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The meetings and their registrations: the embedded {@link MapDbMeetings}, or {@link PostgresMeetings} for a cluster.
 * What is done with them, and in which order the rules allow, is {@link MeetingDesk}'s.
 */
public interface Meetings {
    /** Keeps a new meeting under the next number; returns it numbered. */
    Meeting add(Meeting meeting);

    Optional<Meeting> meeting(long id);

    /** Every meeting, the soonest first. */
    List<Meeting> meetings();

    /** Keeps a new registration under the next number; returns it numbered. */
    Registration register(Registration registration);

    Optional<Registration> registration(long id);

    /** A meeting's registrations in the order they came. */
    List<Registration> registrations(long meetingId);

    /**
     * Changes a registration as it is at the moment of writing.
     *
     * @param change given the registration as stored; throws to refuse (nothing is written then)
     */
    Registration update(long id, UnaryOperator<Registration> change);

    /**
     * Runs {@code work} while no other work on the same meeting runs through this method, here or on another node:
     * how turns are given one route at a time.
     */
    <T> T exclusively(long meetingId, Supplier<T> work);
}
