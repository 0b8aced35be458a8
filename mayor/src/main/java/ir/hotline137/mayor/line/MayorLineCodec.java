package ir.hotline137.mayor.line;

import static ir.hotline137.store.StoredFields.readInstant;
import static ir.hotline137.store.StoredFields.readOptional;
import static ir.hotline137.store.StoredFields.readOptionalInstant;
import static ir.hotline137.store.StoredFields.readVersion;
import static ir.hotline137.store.StoredFields.writeInstant;
import static ir.hotline137.store.StoredFields.writeOptional;
import static ir.hotline137.store.StoredFields.writeOptionalInstant;

import ir.hotline137.mayor.line.MayorLineEvent.CallerChanged;
import ir.hotline137.mayor.line.MayorLineEvent.CallerFileChanged;
import ir.hotline137.mayor.line.MayorLineEvent.CallerJoined;
import ir.hotline137.mayor.line.MayorLineEvent.CallerLeft;
import ir.hotline137.mayor.line.MayorLineEvent.MessageSaid;
import ir.hotline137.mayor.line.MayorLineEvent.NumberGiven;
import ir.hotline137.mayor.line.MayorLineEvent.SessionClosed;
import ir.hotline137.mayor.line.MayorLineEvent.SessionOpened;
import ir.hotline137.switchboard.CallId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a shared mayor's line writes itself in PostgreSQL as bytes: the line's snapshot after each change, and the
 * events every node's screens are told. A version byte leads each, so a node of an older build refuses what it cannot
 * read instead of misreading it while the nodes are upgraded one by one.
 */
final class MayorLineCodec {
    private static final int SNAPSHOT_VERSION = 1;
    private static final int EVENT_VERSION = 1;

    private MayorLineCodec() {
    }

    static byte[] snapshot(LineSnapshot line) {
        return bytes(out -> {
            out.writeByte(SNAPSHOT_VERSION);
            out.writeBoolean(line.session().isPresent());
            if (line.session().isPresent()) {
                writeSession(out, line.session().get());
            }
            out.writeInt(line.callers().size());
            for (HeldCaller caller : line.callers()) {
                writeHeld(out, caller);
            }
            out.writeBoolean(line.onAir().isPresent());
            if (line.onAir().isPresent()) {
                writeHeld(out, line.onAir().get());
            }
            writeOptional(out, line.designated().map(CallId::value));
            out.writeInt(line.messages().size());
            for (LineMessage message : line.messages()) {
                writeMessage(out, message);
            }
        });
    }

    static LineSnapshot snapshot(byte[] bytes) {
        return read(bytes, in -> {
            readVersion(in, SNAPSHOT_VERSION, "mayor's line");
            Optional<MayorSession> session = in.readBoolean() ? Optional.of(readSession(in)) : Optional.empty();
            int count = in.readInt();
            List<HeldCaller> callers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                callers.add(readHeld(in));
            }
            Optional<HeldCaller> onAir = in.readBoolean() ? Optional.of(readHeld(in)) : Optional.empty();
            Optional<CallId> designated = readOptional(in).map(CallId::new);
            int said = in.readInt();
            List<LineMessage> messages = new ArrayList<>(said);
            for (int i = 0; i < said; i++) {
                messages.add(readMessage(in));
            }
            return new LineSnapshot(session, callers, onAir, designated, messages);
        });
    }

    static byte[] event(MayorLineEvent event) {
        return bytes(out -> {
            out.writeByte(EVENT_VERSION);
            writeInstant(out, event.at());
            switch (event) {
                case SessionOpened opened -> {
                    out.writeByte(1);
                    writeSession(out, opened.session());
                }
                case SessionClosed closed -> {
                    out.writeByte(2);
                    writeSession(out, closed.session());
                    out.writeUTF(closed.by());
                }
                case CallerJoined joined -> {
                    out.writeByte(3);
                    writeView(out, joined.caller());
                }
                case CallerChanged changed -> {
                    out.writeByte(4);
                    writeView(out, changed.caller());
                }
                case CallerLeft left -> {
                    out.writeByte(5);
                    writeView(out, left.caller());
                }
                case MessageSaid said -> {
                    out.writeByte(6);
                    writeMessage(out, said.message());
                }
                case NumberGiven given -> {
                    out.writeByte(7);
                    out.writeUTF(given.id().value());
                    out.writeUTF(given.number());
                }
                case CallerFileChanged file -> {
                    out.writeByte(8);
                    out.writeUTF(file.number());
                }
            }
        });
    }

    static MayorLineEvent event(byte[] bytes) {
        return read(bytes, in -> {
            readVersion(in, EVENT_VERSION, "mayor's line event");
            Instant at = readInstant(in);
            int kind = in.readUnsignedByte();
            return switch (kind) {
                case 1 -> new SessionOpened(at, readSession(in));
                case 2 -> new SessionClosed(at, readSession(in), in.readUTF());
                case 3 -> new CallerJoined(at, readView(in));
                case 4 -> new CallerChanged(at, readView(in));
                case 5 -> new CallerLeft(at, readView(in));
                case 6 -> new MessageSaid(at, readMessage(in));
                case 7 -> new NumberGiven(at, new CallId(in.readUTF()), in.readUTF());
                case 8 -> new CallerFileChanged(at, in.readUTF());
                default -> throw new IOException("unknown mayor's line event kind " + kind);
            };
        });
    }

    private static void writeSession(DataOutput out, MayorSession session) throws IOException {
        out.writeUTF(session.id());
        out.writeUTF(session.title());
        writeInstant(out, session.openedAt());
        writeInstant(out, session.plannedEnd());
        out.writeUTF(session.openedBy());
        writeOptionalInstant(out, session.closedAt());
    }

    private static MayorSession readSession(DataInput in) throws IOException {
        return new MayorSession(in.readUTF(), in.readUTF(), readInstant(in), readInstant(in), in.readUTF(),
                readOptionalInstant(in));
    }

    private static void writeMessage(DataOutput out, LineMessage message) throws IOException {
        writeInstant(out, message.at());
        out.writeUTF(message.from());
        out.writeUTF(message.text());
    }

    private static LineMessage readMessage(DataInput in) throws IOException {
        return new LineMessage(readInstant(in), in.readUTF(), in.readUTF());
    }

    private static void writeHeld(DataOutput out, HeldCaller caller) throws IOException {
        out.writeUTF(caller.id().value());
        writeTopic(out, caller.topic());
        out.writeUTF(caller.sessionId());
        writeInstant(out, caller.joinedAt());
        out.writeUTF(caller.node());
        out.writeUTF(caller.state().name());
        writeNotes(out, caller.notes());
        writeOptional(out, Optional.ofNullable(caller.decidedBy()));
        writeOptional(out, Optional.ofNullable(caller.mayorUsername()));
        writeOptional(out, Optional.ofNullable(caller.dialString()));
        writeOptionalInstant(out, Optional.ofNullable(caller.onAirAt()));
        writeOptionalInstant(out, Optional.ofNullable(caller.endedAt()));
        writeOptional(out, Optional.ofNullable(caller.conversationRecording()));
        writeOptional(out, Optional.ofNullable(caller.givenNumber()));
    }

    private static HeldCaller readHeld(DataInput in) throws IOException {
        return new HeldCaller(new CallId(in.readUTF()), readTopic(in), in.readUTF(), readInstant(in), in.readUTF(),
                ScreeningState.valueOf(in.readUTF()), readNotes(in), readOptional(in).orElse(null),
                readOptional(in).orElse(null), readOptional(in).orElse(null), readOptionalInstant(in).orElse(null),
                readOptionalInstant(in).orElse(null), readOptional(in).orElse(null), readOptional(in).orElse(null));
    }

    private static void writeView(DataOutput out, MayorCallerView caller) throws IOException {
        out.writeUTF(caller.id().value());
        writeTopic(out, caller.topic());
        out.writeUTF(caller.state().name());
        writeInstant(out, caller.joinedAt());
        out.writeLong(caller.waited().toNanos());
        out.writeInt(caller.position());
        writeNotes(out, caller.notes());
        writeOptional(out, caller.decidedBy());
        writeOptionalInstant(out, caller.onAirAt());
        writeOptionalInstant(out, caller.endedAt());
        out.writeUTF(caller.sessionId());
        writeOptional(out, caller.mayor());
        writeOptional(out, caller.conversationRecording());
    }

    private static MayorCallerView readView(DataInput in) throws IOException {
        return new MayorCallerView(new CallId(in.readUTF()), readTopic(in), ScreeningState.valueOf(in.readUTF()),
                readInstant(in), Duration.ofNanos(in.readLong()), in.readInt(), readNotes(in), readOptional(in),
                readOptionalInstant(in), readOptionalInstant(in), in.readUTF(), readOptional(in), readOptional(in));
    }

    private static void writeTopic(DataOutput out, MayorTopic topic) throws IOException {
        writeOptional(out, topic.callerNumber());
        out.writeBoolean(topic.district().isPresent());
        if (topic.district().isPresent()) {
            out.writeInt(topic.district().get());
        }
        writeOptional(out, topic.transcript());
        writeOptional(out, topic.recording());
    }

    private static MayorTopic readTopic(DataInput in) throws IOException {
        Optional<String> number = readOptional(in);
        Optional<Integer> district = in.readBoolean() ? Optional.of(in.readInt()) : Optional.empty();
        return new MayorTopic(number, district, readOptional(in), readOptional(in));
    }

    private static void writeNotes(DataOutput out, List<String> notes) throws IOException {
        out.writeInt(notes.size());
        for (String note : notes) {
            out.writeUTF(note);
        }
    }

    private static List<String> readNotes(DataInput in) throws IOException {
        int count = in.readInt();
        List<String> notes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            notes.add(in.readUTF());
        }
        return notes;
    }

    private interface Writing {
        void write(DataOutput out) throws IOException;
    }

    private interface Reading<T> {
        T read(DataInput in) throws IOException;
    }

    private static byte[] bytes(Writing writing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writing.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reading<T> reading) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return reading.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
