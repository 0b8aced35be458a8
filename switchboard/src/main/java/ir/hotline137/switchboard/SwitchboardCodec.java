package ir.hotline137.switchboard;

import static ir.hotline137.store.StoredFields.readInstant;
import static ir.hotline137.store.StoredFields.readOptional;
import static ir.hotline137.store.StoredFields.readVersion;
import static ir.hotline137.store.StoredFields.writeInstant;
import static ir.hotline137.store.StoredFields.writeOptional;

import ir.hotline137.switchboard.SwitchboardEvent.AgentPresenceChanged;
import ir.hotline137.switchboard.SwitchboardEvent.AgentSignedOut;
import ir.hotline137.switchboard.SwitchboardEvent.CallAssigned;
import ir.hotline137.switchboard.SwitchboardEvent.CallEnded;
import ir.hotline137.switchboard.SwitchboardEvent.CallLeftQueue;
import ir.hotline137.switchboard.SwitchboardEvent.CallReturned;
import ir.hotline137.switchboard.SwitchboardEvent.CallWaiting;
import ir.hotline137.switchboard.SwitchboardEvent.LeaveReason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the shared switchboard writes what it keeps in PostgreSQL as bytes: what the IVR gathered about a caller, and
 * the events every node reads back in order. A version byte leads each, so a node of an older build refuses what it
 * cannot read instead of misreading it while nodes are upgraded one by one.
 */
final class SwitchboardCodec {
    private static final int INFO_VERSION = 1;
    private static final int EVENT_VERSION = 1;

    private SwitchboardCodec() {
    }

    static byte[] info(GatheredInfo info) {
        return bytes(out -> {
            out.writeByte(INFO_VERSION);
            writeInfo(out, info);
        });
    }

    static GatheredInfo info(byte[] bytes) {
        return read(bytes, in -> {
            readVersion(in, INFO_VERSION, "waiting call");
            return readInfo(in);
        });
    }

    static byte[] event(SwitchboardEvent event) {
        return bytes(out -> {
            out.writeByte(EVENT_VERSION);
            writeInstant(out, event.at());
            switch (event) {
                case CallWaiting waiting -> {
                    out.writeByte(1);
                    WaitingCallView call = waiting.call();
                    out.writeUTF(call.id().value());
                    writeInfo(out, call.info());
                    writeInstant(out, call.enqueuedAt());
                    out.writeInt(call.position());
                    out.writeLong(call.waited().toNanos());
                    writeOptional(out, call.assignedTo());
                }
                case CallAssigned assigned -> {
                    out.writeByte(2);
                    out.writeUTF(assigned.id().value());
                    out.writeUTF(assigned.agentUsername());
                }
                case CallLeftQueue left -> {
                    out.writeByte(3);
                    out.writeUTF(left.id().value());
                    out.writeUTF(left.reason().name());
                }
                case CallReturned returned -> {
                    out.writeByte(4);
                    out.writeUTF(returned.id().value());
                    out.writeUTF(returned.agentUsername());
                }
                case CallEnded ended -> {
                    out.writeByte(5);
                    out.writeUTF(ended.id().value());
                    out.writeUTF(ended.agentUsername());
                }
                case AgentPresenceChanged changed -> {
                    out.writeByte(6);
                    AgentView view = changed.agent();
                    writeAgent(out, view.agent());
                    out.writeUTF(view.presence().name());
                    writeOptional(out, view.currentCall().map(CallId::value));
                    writeOptional(out, view.awayReason().map(Enum::name));
                }
                case AgentSignedOut signedOut -> {
                    out.writeByte(7);
                    out.writeUTF(signedOut.username());
                }
            }
        });
    }

    static SwitchboardEvent event(byte[] bytes) {
        return read(bytes, in -> {
            readVersion(in, EVENT_VERSION, "switchboard event");
            var at = readInstant(in);
            int kind = in.readUnsignedByte();
            return switch (kind) {
                case 1 -> new CallWaiting(at, new WaitingCallView(new CallId(in.readUTF()), readInfo(in),
                        readInstant(in), in.readInt(), Duration.ofNanos(in.readLong()), readOptional(in)));
                case 2 -> new CallAssigned(at, new CallId(in.readUTF()), in.readUTF());
                case 3 -> new CallLeftQueue(at, new CallId(in.readUTF()), LeaveReason.valueOf(in.readUTF()));
                case 4 -> new CallReturned(at, new CallId(in.readUTF()), in.readUTF());
                case 5 -> new CallEnded(at, new CallId(in.readUTF()), in.readUTF());
                case 6 -> new AgentPresenceChanged(at, new AgentView(readAgent(in), Presence.valueOf(in.readUTF()),
                        readOptional(in).map(CallId::new), readOptional(in).map(AwayReason::valueOf)));
                case 7 -> new AgentSignedOut(at, in.readUTF());
                default -> throw new IOException("unknown switchboard event kind " + kind);
            };
        });
    }

    private static void writeInfo(DataOutput out, GatheredInfo info) throws IOException {
        writeOptional(out, info.callerNumber());
        writeOptional(out, info.district().map(String::valueOf));
        writeOptional(out, info.districtName());
        writeOptional(out, info.transcript());
        writeOptional(out, info.recording());
        out.writeInt(info.duplicates().size());
        for (SuggestedDuplicate duplicate : info.duplicates()) {
            out.writeUTF(duplicate.trackingCode());
            out.writeDouble(duplicate.similarity());
            writeInstant(out, duplicate.registeredAt());
            out.writeUTF(duplicate.category());
        }
        out.writeUTF(info.reason().name());
        out.writeInt(info.earlierRequests());
    }

    private static GatheredInfo readInfo(DataInput in) throws IOException {
        Optional<String> callerNumber = readOptional(in);
        Optional<Integer> district = readOptional(in).map(Integer::valueOf);
        Optional<String> districtName = readOptional(in);
        Optional<String> transcript = readOptional(in);
        Optional<String> recording = readOptional(in);
        int count = in.readInt();
        List<SuggestedDuplicate> duplicates = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            duplicates.add(new SuggestedDuplicate(in.readUTF(), in.readDouble(), readInstant(in), in.readUTF()));
        }
        return new GatheredInfo(callerNumber, district, districtName, transcript, recording, duplicates,
                EscalationReason.valueOf(in.readUTF()), in.readInt());
    }

    private static void writeAgent(DataOutput out, Agent agent) throws IOException {
        out.writeUTF(agent.username());
        out.writeUTF(agent.displayName());
        out.writeUTF(agent.dialString());
    }

    private static Agent readAgent(DataInput in) throws IOException {
        return new Agent(in.readUTF(), in.readUTF(), in.readUTF());
    }

    private interface Writing {
        void write(DataOutput out) throws IOException;
    }

    private interface Reading<T> {
        T read(DataInput in) throws IOException;
    }

    private static byte[] bytes(Writing writing) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            writing.write(out);
        } catch (IOException cannot) {
            throw new UncheckedIOException(cannot);
        }
        return buffer.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reading<T> reading) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return reading.read(in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
