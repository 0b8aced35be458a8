package ir.hotline137.console.people;

import static ir.hotline137.store.StoredFields.readInstant;
import static ir.hotline137.store.StoredFields.readOptional;
import static ir.hotline137.store.StoredFields.readVersion;
import static ir.hotline137.store.StoredFields.readVersionUpTo;
import static ir.hotline137.store.StoredFields.writeInstant;
import static ir.hotline137.store.StoredFields.writeOptional;

import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.console.security.Role;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.mapdb.DataInput2;
import org.mapdb.DataOutput2;
import org.mapdb.serializer.GroupSerializerObjectArray;

/**
 * The stored forms of a person and of a change: explicit fields behind a version byte, never Java serialisation;
 * an unknown version is refused, not misread.
 */
final class PeopleCodecs {
    private static final int VERSION = 1;
    /** A person's version 2 adds their unit; version 1 (before units) still reads, with none. */
    private static final int PERSON_VERSION = 2;

    private PeopleCodecs() {
    }

    static final class PersonCodec extends GroupSerializerObjectArray<ConsoleUser> {
        @Override
        public void serialize(DataOutput2 out, ConsoleUser person) throws IOException {
            out.writeByte(PERSON_VERSION);
            out.writeUTF(person.username());
            out.writeUTF(person.password());
            out.writeInt(person.roles().size());
            for (Role role : person.roles()) {
                out.writeUTF(role.name());
            }
            writeOptional(out, person.dialString());
            writeOptional(out, person.unit());
        }

        @Override
        public ConsoleUser deserialize(DataInput2 in, int available) throws IOException {
            int version = readVersionUpTo(in, PERSON_VERSION, "person");
            String username = in.readUTF();
            String password = in.readUTF();
            int count = in.readInt();
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (int i = 0; i < count; i++) {
                roles.add(Role.valueOf(in.readUTF()));
            }
            Optional<String> dialString = readOptional(in);
            Optional<String> unit = version >= 2 ? readOptional(in) : Optional.empty();
            return new ConsoleUser(username, password, roles, dialString, unit);
        }
    }

    static final class ChangeCodec extends GroupSerializerObjectArray<PersonChange> {
        @Override
        public void serialize(DataOutput2 out, PersonChange change) throws IOException {
            out.writeByte(VERSION);
            writeInstant(out, change.at());
            out.writeUTF(change.by());
            out.writeUTF(change.username());
            out.writeUTF(change.what());
        }

        @Override
        public PersonChange deserialize(DataInput2 in, int available) throws IOException {
            readVersion(in, VERSION, "change to the people");
            return new PersonChange(readInstant(in), in.readUTF(), in.readUTF(), in.readUTF());
        }
    }
}
