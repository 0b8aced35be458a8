package ir.hotline137.outbound.outbox;

import static ir.hotline137.store.StoredFields.readInstant;
import static ir.hotline137.store.StoredFields.readOptional;
import static ir.hotline137.store.StoredFields.readVersion;
import static ir.hotline137.store.StoredFields.writeInstant;
import static ir.hotline137.store.StoredFields.writeOptional;

import ir.hotline137.requests.TrackingCode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mapdb.DataInput2;
import org.mapdb.DataOutput2;
import org.mapdb.serializer.GroupSerializerObjectArray;

/** The stored form of a notification: explicit fields behind a version byte. */
final class OutboxCodecs {
    private static final int VERSION = 1;

    private OutboxCodecs() {
    }

    static final class NotificationCodec extends GroupSerializerObjectArray<Notification> {
        @Override
        public void serialize(DataOutput2 out, Notification n) throws IOException {
            out.writeByte(VERSION);
            out.writeLong(n.id());
            out.writeUTF(n.key());
            writeOptional(out, n.request().map(TrackingCode::value));
            out.writeUTF(n.kind().name());
            out.writeUTF(n.channel().name());
            out.writeUTF(n.to());
            out.writeUTF(n.text());
            writeInstant(out, n.createdAt());
            out.writeUTF(n.status().name());
            out.writeInt(n.attempts().size());
            for (Attempt attempt : n.attempts()) {
                out.writeInt(attempt.number());
                writeInstant(out, attempt.at());
                writeOptional(out, attempt.result().map(Enum::name));
                out.writeUTF(attempt.detail());
            }
            out.writeBoolean(n.nextTryAt().isPresent());
            if (n.nextTryAt().isPresent()) {
                writeInstant(out, n.nextTryAt().get());
            }
            writeOptional(out, n.receipt());
        }

        @Override
        public Notification deserialize(DataInput2 in, int available) throws IOException {
            readVersion(in, VERSION, "notification");
            long id = in.readLong();
            String key = in.readUTF();
            Optional<TrackingCode> request = readOptional(in).map(TrackingCode::new);
            NoticeKind kind = NoticeKind.valueOf(in.readUTF());
            Channel channel = Channel.valueOf(in.readUTF());
            String to = in.readUTF();
            String text = in.readUTF();
            Instant createdAt = readInstant(in);
            NotificationStatus status = NotificationStatus.valueOf(in.readUTF());
            int count = in.readInt();
            List<Attempt> attempts = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                attempts.add(new Attempt(in.readInt(), readInstant(in), readOptional(in).map(AttemptResult::valueOf),
                        in.readUTF()));
            }
            Optional<Instant> nextTryAt = in.readBoolean() ? Optional.of(readInstant(in)) : Optional.empty();
            return new Notification(id, key, request, kind, channel, to, text, createdAt, status, attempts, nextTryAt,
                    readOptional(in));
        }
    }
}
