package ir.hotline137.console.people;

import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.store.postgresql.PostgresDatabase;
import ir.hotline137.store.postgresql.RecordTable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The people added on screen in PostgreSQL, shared by the nodes of a cluster (a person added on one logs in on all),
 * in the codecs the embedded store uses; a person and the line saying who changed them are one transaction.
 */
public final class PostgresPeople implements PeopleStore {
    private static final PeopleCodecs.ChangeCodec CHANGES = new PeopleCodecs.ChangeCodec();

    private final PostgresDatabase database;
    private final RecordTable<ConsoleUser> people;

    private PostgresPeople(PostgresDatabase database) {
        this.database = database;
        this.people = new RecordTable<>(database, "people", new PeopleCodecs.PersonCodec());
    }

    /** Opens the store, bringing its tables to this build's. */
    public static PostgresPeople open(PostgresDatabase database) {
        database.migrate("people");
        return new PostgresPeople(database);
    }

    @Override
    public Optional<ConsoleUser> find(String username) {
        return people.get(username);
    }

    @Override
    public List<ConsoleUser> all() {
        return people.all();
    }

    @Override
    public boolean isEmpty() {
        return people.size() == 0;
    }

    @Override
    public void put(ConsoleUser person, PersonChange change) {
        database.transaction(c -> {
            people.put(person.username(), person);
            return changed(change);
        });
    }

    @Override
    public void remove(String username, PersonChange change) {
        database.transaction(c -> {
            people.remove(username);
            return changed(change);
        });
    }

    private Object changed(PersonChange change) {
        byte[] record = RecordTable.bytes(CHANGES, change);
        return database.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO people_changes (record) VALUES (?)")) {
                insert.setBytes(1, record);
                return insert.executeUpdate();
            }
        });
    }

    // What migrate-store moves in from a data folder (PeopleMigration), as it was there.

    void adopt(ConsoleUser person) {
        people.put(person.username(), person);
    }

    void adopt(PersonChange change) {
        changed(change);
    }

    /** How many people and changes there are. */
    long count() {
        return database.transaction(c -> {
            try (PreparedStatement count = c.prepareStatement(
                    "SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM people_changes)");
                 ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Override
    public List<PersonChange> changes(int limit) {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT record FROM people_changes ORDER BY id DESC LIMIT ?")) {
                select.setInt(1, limit);
                List<PersonChange> found = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.add(RecordTable.read(CHANGES, row.getBytes(1)));
                    }
                }
                return found;
            }
        });
    }
}
