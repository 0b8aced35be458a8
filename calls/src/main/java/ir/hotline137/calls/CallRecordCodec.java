package ir.hotline137.calls;

import static ir.hotline137.store.StoredFields.readInstant;
import static ir.hotline137.store.StoredFields.readOptional;
import static ir.hotline137.store.StoredFields.readVersion;
import static ir.hotline137.store.StoredFields.writeInstant;
import static ir.hotline137.store.StoredFields.writeOptional;

import ir.hotline137.requests.CallerNumber;
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
 * The stored form of a call: explicit fields behind a record version byte, never Java serialisation, so a
 * stored call outlives a renamed class and an unknown version is refused, not misread. A group serializer
 * because MapDB's ordered map packs several values into one node.
 */
final class CallRecordCodec extends GroupSerializerObjectArray<CallRecord> {
    private static final int RECORD_VERSION = 1;

    @Override
    public void serialize(DataOutput2 out, CallRecord call) throws IOException {
        write(out, call);
    }

    @Override
    public CallRecord deserialize(DataInput2 in, int available) throws IOException {
        return read(in);
    }

    static void write(DataOutput out, CallRecord call) throws IOException {
        out.writeByte(RECORD_VERSION);
        out.writeUTF(call.callId());
        writeOptional(out, call.caller().map(CallerNumber::digits));
        writeInstant(out, call.startedAt());
        writeInstant(out, call.endedAt());
        out.writeInt(call.path().size());
        for (String step : call.path()) {
            out.writeUTF(step);
        }
        out.writeUTF(call.outcome().name());
        writeOptional(out, call.request().map(TrackingCode::value));
        out.writeBoolean(call.waited().isPresent());
        if (call.waited().isPresent()) {
            out.writeLong(call.waited().get().getSeconds());
            out.writeInt(call.waited().get().getNano());
        }
        writeOptional(out, call.agent());
        writeOptional(out, call.recording());
    }

    static CallRecord read(DataInput in) throws IOException {
        readVersion(in, RECORD_VERSION, "call");
        String callId = in.readUTF();
        Optional<CallerNumber> caller = readOptional(in).map(CallerNumber::new);
        Instant startedAt = readInstant(in);
        Instant endedAt = readInstant(in);
        int steps = in.readInt();
        List<String> path = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            path.add(in.readUTF());
        }
        CallOutcome outcome = CallOutcome.valueOf(in.readUTF());
        Optional<TrackingCode> request = readOptional(in).map(TrackingCode::new);
        Optional<Duration> waited = in.readBoolean()
                ? Optional.of(Duration.ofSeconds(in.readLong(), in.readInt()))
                : Optional.empty();
        Optional<String> agent = readOptional(in);
        Optional<String> recording = readOptional(in);
        return new CallRecord(callId, caller, startedAt, endedAt, path, outcome, request, waited, agent, recording);
    }
}
