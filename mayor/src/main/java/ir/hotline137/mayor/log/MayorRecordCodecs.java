package ir.hotline137.mayor.log;

import static ir.hotline137.store.StoredFields.readInstant;
import static ir.hotline137.store.StoredFields.readOptional;
import static ir.hotline137.store.StoredFields.readOptionalInstant;
import static ir.hotline137.store.StoredFields.readVersion;
import static ir.hotline137.store.StoredFields.writeInstant;
import static ir.hotline137.store.StoredFields.writeOptional;
import static ir.hotline137.store.StoredFields.writeOptionalInstant;

import ir.hotline137.mayor.line.ScreeningState;
import ir.hotline137.requests.TrackingCode;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mapdb.DataInput2;
import org.mapdb.DataOutput2;
import org.mapdb.serializer.GroupSerializerObjectArray;

/**
 * The stored forms of the session log's records: explicit fields behind a version byte, as the call log
 * keeps its calls, so a stored session outlives renamed classes and an unknown version is refused.
 */
final class MayorRecordCodecs {
    private static final int RECORD_VERSION = 1;

    private MayorRecordCodecs() {
    }

    static final class Sessions extends GroupSerializerObjectArray<SessionRecord> {
        @Override
        public void serialize(DataOutput2 out, SessionRecord session) throws IOException {
            out.writeByte(RECORD_VERSION);
            out.writeUTF(session.id());
            out.writeUTF(session.title());
            writeInstant(out, session.openedAt());
            writeInstant(out, session.plannedEnd());
            out.writeUTF(session.openedBy());
            writeOptionalInstant(out, session.closedAt());
            writeOptional(out, session.closedBy());
        }

        @Override
        public SessionRecord deserialize(DataInput2 in, int available) throws IOException {
            checkVersion(in, "session");
            return new SessionRecord(in.readUTF(), in.readUTF(), readInstant(in), readInstant(in), in.readUTF(),
                    readOptionalInstant(in), readOptional(in));
        }
    }

    static final class Callers extends GroupSerializerObjectArray<SessionCaller> {
        @Override
        public void serialize(DataOutput2 out, SessionCaller caller) throws IOException {
            out.writeByte(RECORD_VERSION);
            out.writeUTF(caller.sessionId());
            out.writeUTF(caller.callId());
            writeOptional(out, caller.callerNumber());
            writeOptional(out, caller.district().map(String::valueOf));
            writeOptional(out, caller.topic());
            writeOptional(out, caller.topicRecording());
            out.writeUTF(caller.state().name());
            writeInstant(out, caller.joinedAt());
            out.writeLong(caller.waited().getSeconds());
            out.writeInt(caller.waited().getNano());
            out.writeInt(caller.notes().size());
            for (String note : caller.notes()) {
                out.writeUTF(note);
            }
            writeOptional(out, caller.decidedBy());
            writeOptionalInstant(out, caller.onAirAt());
            writeOptionalInstant(out, caller.endedAt());
            writeOptional(out, caller.mayor());
            writeOptional(out, caller.conversationRecording());
        }

        @Override
        public SessionCaller deserialize(DataInput2 in, int available) throws IOException {
            checkVersion(in, "session caller");
            String sessionId = in.readUTF();
            String callId = in.readUTF();
            Optional<String> number = readOptional(in);
            Optional<Integer> district = readOptional(in).map(Integer::valueOf);
            Optional<String> topic = readOptional(in);
            Optional<String> topicRecording = readOptional(in);
            ScreeningState state = ScreeningState.valueOf(in.readUTF());
            Instant joinedAt = readInstant(in);
            Duration waited = Duration.ofSeconds(in.readLong(), in.readInt());
            int count = in.readInt();
            List<String> notes = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                notes.add(in.readUTF());
            }
            return new SessionCaller(sessionId, callId, number, district, topic, topicRecording, state, joinedAt,
                    waited, notes, readOptional(in), readOptionalInstant(in), readOptionalInstant(in),
                    readOptional(in), readOptional(in));
        }
    }

    static final class Directives extends GroupSerializerObjectArray<Directive> {
        @Override
        public void serialize(DataOutput2 out, Directive directive) throws IOException {
            out.writeByte(RECORD_VERSION);
            out.writeUTF(directive.sessionId());
            out.writeUTF(directive.callId());
            out.writeUTF(directive.request().value());
            writeInstant(out, directive.at());
            out.writeUTF(directive.by());
        }

        @Override
        public Directive deserialize(DataInput2 in, int available) throws IOException {
            checkVersion(in, "directive");
            return new Directive(in.readUTF(), in.readUTF(), new TrackingCode(in.readUTF()), readInstant(in),
                    in.readUTF());
        }
    }

    private static void checkVersion(DataInput in, String what) throws IOException {
        readVersion(in, RECORD_VERSION, what);
    }

}
