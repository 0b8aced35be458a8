package ir.hotline137.console.people;

import ir.hotline137.console.security.ConsoleUser;
import java.util.List;
import java.util.Optional;

/**
 * The people supervisors added on screen, and every change made to them: the embedded {@link MapDbPeople}, or
 * {@link PostgresPeople} for a cluster. A person and the line saying who changed them are one write.
 */
public interface PeopleStore {
    Optional<ConsoleUser> find(String username);

    /** Everyone, by user name. */
    List<ConsoleUser> all();

    boolean isEmpty();

    /** Keeps the person as they are now, with the line saying what changed. */
    void put(ConsoleUser person, PersonChange change);

    void remove(String username, PersonChange change);

    /** The latest changes, newest first. */
    List<PersonChange> changes(int limit);
}
