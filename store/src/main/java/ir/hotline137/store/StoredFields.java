package ir.hotline137.store;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** How the stores' codecs write the field types they share, so every file spells an instant the same way. */
public final class StoredFields {
    private StoredFields() {
    }

    public static void writeInstant(DataOutput out, Instant at) throws IOException {
        out.writeLong(at.getEpochSecond());
        out.writeInt(at.getNano());
    }

    public static Instant readInstant(DataInput in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    public static void writeOptionalInstant(DataOutput out, Optional<Instant> at) throws IOException {
        out.writeBoolean(at.isPresent());
        if (at.isPresent()) {
            writeInstant(out, at.get());
        }
    }

    public static Optional<Instant> readOptionalInstant(DataInput in) throws IOException {
        return in.readBoolean() ? Optional.of(readInstant(in)) : Optional.empty();
    }

    public static void writeOptional(DataOutput out, Optional<String> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            out.writeUTF(value.get());
        }
    }

    /**
     * Reads a record's version byte, refusing one this build does not read: misread, an old record would give
     * wrong fields without a word.
     *
     * @param what the record, as the message names it (e.g. "call")
     */
    public static void readVersion(DataInput in, int expected, String what) throws IOException {
        int version = in.readUnsignedByte();
        if (version != expected) {
            throw new IOException("stored " + what + " has record version " + version + ", this build reads "
                    + expected);
        }
    }

    /**
     * Reads a record's version byte for a codec that reads several: any from 1 to {@code newest}, refusing others.
     *
     * @return the version read, for the codec to choose the fields by
     */
    public static int readVersionUpTo(DataInput in, int newest, String what) throws IOException {
        int version = in.readUnsignedByte();
        if (version < 1 || version > newest) {
            throw new IOException("stored " + what + " has record version " + version + ", this build reads 1 to "
                    + newest);
        }
        return version;
    }

    public static Optional<String> readOptional(DataInput in) throws IOException {
        return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
    }
}
