package ir.hotline137.console.shift;

import static ir.hotline137.store.StoredFields.readInstant;
import static ir.hotline137.store.StoredFields.readOptional;
import static ir.hotline137.store.StoredFields.readVersion;
import static ir.hotline137.store.StoredFields.writeInstant;
import static ir.hotline137.store.StoredFields.writeOptional;

import ir.hotline137.switchboard.AwayReason;
import ir.hotline137.switchboard.Presence;
import java.io.IOException;
import org.mapdb.DataInput2;
import org.mapdb.DataOutput2;
import org.mapdb.serializer.GroupSerializerObjectArray;

/** The stored forms of a presence mark and a wrap-up: explicit fields behind a version byte. */
final class ShiftCodecs {
    private static final int VERSION = 1;

    private ShiftCodecs() {
    }

    static final class MarkCodec extends GroupSerializerObjectArray<PresenceMark> {
        @Override
        public void serialize(DataOutput2 out, PresenceMark mark) throws IOException {
            out.writeByte(VERSION);
            out.writeUTF(mark.username());
            writeInstant(out, mark.at());
            writeOptional(out, mark.presence().map(Enum::name));
            writeOptional(out, mark.reason().map(Enum::name));
            writeOptional(out, mark.call());
        }

        @Override
        public PresenceMark deserialize(DataInput2 in, int available) throws IOException {
            readVersion(in, VERSION, "presence mark");
            return new PresenceMark(in.readUTF(), readInstant(in), readOptional(in).map(Presence::valueOf),
                    readOptional(in).map(AwayReason::valueOf), readOptional(in));
        }
    }

    static final class WrapUpCodec extends GroupSerializerObjectArray<WrapUp> {
        @Override
        public void serialize(DataOutput2 out, WrapUp wrapUp) throws IOException {
            out.writeByte(VERSION);
            out.writeUTF(wrapUp.callId());
            out.writeUTF(wrapUp.agent());
            out.writeUTF(wrapUp.code().name());
            out.writeUTF(wrapUp.note());
            writeInstant(out, wrapUp.at());
        }

        @Override
        public WrapUp deserialize(DataInput2 in, int available) throws IOException {
            readVersion(in, VERSION, "wrap-up");
            return new WrapUp(in.readUTF(), in.readUTF(), WrapUpCode.valueOf(in.readUTF()), in.readUTF(),
                    readInstant(in));
        }
    }
}
