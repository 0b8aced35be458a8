package ir.hotline137.console.people;

import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.store.DurableMap;
import ir.hotline137.store.MapFile;
import ir.hotline137.store.Storage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mapdb.Serializer;

/**
 * The people supervisors added on screen, and every change made to them, in the data folder's journal like
 * everything else kept: a person and the line saying who changed them are one write. Passwords are bcrypt hashes.
 */
public final class MapDbPeople implements PeopleStore {
    /** The maps of people.mapdb; a file of another format is rebuilt from the journal. */
    private static final int FILE_FORMAT = 1;

    private final Storage storage;
    private final DurableMap<String, ConsoleUser> people;
    private final DurableMap<Long, PersonChange> changes;
    private final DurableMap<String, Long> counters;

    private MapDbPeople(Storage storage) {
        this.storage = storage;
        MapFile file = new MapFile("people.mapdb", FILE_FORMAT);
        this.people = file.hashMap("people", Serializer.STRING, new PeopleCodecs.PersonCodec());
        this.changes = file.treeMap("people-changes", Serializer.LONG, new PeopleCodecs.ChangeCodec());
        this.counters = file.hashMap("people-counters", Serializer.STRING, Serializer.LONG);
        storage.attach(file);
    }

    public static MapDbPeople open(Storage storage) {
        return new MapDbPeople(storage);
    }

    @Override
    public Optional<ConsoleUser> find(String username) {
        return Optional.ofNullable(people.get(username));
    }

    @Override
    public List<ConsoleUser> all() {
        List<ConsoleUser> all = new ArrayList<>(people.view().values());
        all.sort(Comparator.comparing(ConsoleUser::username));
        return all;
    }

    @Override
    public boolean isEmpty() {
        return people.size() == 0;
    }

    @Override
    public void put(ConsoleUser person, PersonChange change) {
        storage.write(tx -> {
            tx.put(people, person.username(), person);
            tx.put(changes, tx.increment(counters, "change"), change);
            return person;
        });
    }

    @Override
    public void remove(String username, PersonChange change) {
        storage.write(tx -> {
            tx.remove(people, username);
            tx.put(changes, tx.increment(counters, "change"), change);
            return username;
        });
    }

    /** Every change made to the people, first first: for {@link PeopleMigration}. */
    List<PersonChange> allChanges() {
        return List.copyOf(changes.ordered().values());
    }

    @Override
    public List<PersonChange> changes(int limit) {
        List<PersonChange> newest = new ArrayList<>(limit);
        for (PersonChange change : changes.ordered().descendingMap().values()) {
            if (newest.size() == limit) {
                break;
            }
            newest.add(change);
        }
        return newest;
    }
}
