package ir.hotline137.console.sessions;

import static ir.hotline137.store.StoredFields.readInstant;
import static ir.hotline137.store.StoredFields.readOptional;
import static ir.hotline137.store.StoredFields.readVersion;
import static ir.hotline137.store.StoredFields.writeInstant;
import static ir.hotline137.store.StoredFields.writeOptional;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.mapdb.DataInput2;
import org.mapdb.DataOutput2;
import org.mapdb.serializer.GroupSerializerObjectArray;

/** The stored form of a session: explicit fields behind a version byte; an unknown version is refused. */
final class SessionCodec extends GroupSerializerObjectArray<StoredSession> {
    private static final int VERSION = 1;

    @Override
    public void serialize(DataOutput2 out, StoredSession session) throws IOException {
        out.writeByte(VERSION);
        out.writeUTF(session.idHash());
        writeInstant(out, session.createdAt());
        writeInstant(out, session.savedAt());
        out.writeLong(session.maxIdle().toMillis());
        writeOptional(out, session.username());
        writeOptional(out, session.passwordFingerprint());
        out.writeBoolean(session.csrf().isPresent());
        if (session.csrf().isPresent()) {
            out.writeUTF(session.csrf().get().headerName());
            out.writeUTF(session.csrf().get().parameterName());
            out.writeUTF(session.csrf().get().token());
        }
        writeOptional(out, session.lastUsername());
    }

    @Override
    public StoredSession deserialize(DataInput2 in, int available) throws IOException {
        readVersion(in, VERSION, "session");
        String idHash = in.readUTF();
        var createdAt = readInstant(in);
        var savedAt = readInstant(in);
        Duration maxIdle = Duration.ofMillis(in.readLong());
        Optional<String> username = readOptional(in);
        Optional<String> fingerprint = readOptional(in);
        Optional<StoredSession.Csrf> csrf = in.readBoolean()
                ? Optional.of(new StoredSession.Csrf(in.readUTF(), in.readUTF(), in.readUTF()))
                : Optional.empty();
        return new StoredSession(idHash, createdAt, savedAt, maxIdle, username, fingerprint, csrf, readOptional(in));
    }
}
