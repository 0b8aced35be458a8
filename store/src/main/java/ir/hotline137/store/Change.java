package ir.hotline137.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One put or remove in a map, as a journal record carries it: the map's name, the key, and the value
 * (none for a remove). A record holds all the changes of one transaction, so they land whole or not at all.
 */
record Change(DurableMap<?, ?> map, byte[] key, Object keyValue, byte[] value, Object valueValue) {
    private static final int RECORD_FORMAT = 1;
    private static final byte PUT = 1;
    private static final byte REMOVE = 2;

    boolean isRemove() {
        return value == null;
    }

    Slot slot() {
        return new Slot(map, key);
    }

    void apply() {
        map.apply(keyValue, valueValue);
    }

    static byte[] encode(List<Change> changes) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(RECORD_FORMAT);
            out.writeInt(changes.size());
            for (Change c : changes) {
                out.writeUTF(c.map.name());
                out.writeByte(c.isRemove() ? REMOVE : PUT);
                out.writeInt(c.key.length);
                out.write(c.key);
                if (!c.isRemove()) {
                    out.writeInt(c.value.length);
                    out.write(c.value);
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a record's changes to the maps in {@code known}; changes to other maps (another file's, or a map
     * no longer declared) are passed over.
     */
    static List<Change> decode(byte[] payload, Map<String, DurableMap<?, ?>> known) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        int format = in.readUnsignedByte();
        if (format != RECORD_FORMAT) {
            throw new IOException("journal record format " + format + ", this build reads " + RECORD_FORMAT);
        }
        int count = in.readInt();
        List<Change> changes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            byte kind = in.readByte();
            byte[] key = in.readNBytes(in.readInt());
            byte[] value = kind == PUT ? in.readNBytes(in.readInt()) : null;
            if (kind != PUT && kind != REMOVE) {
                throw new IOException("journal record with change kind " + kind);
            }
            DurableMap<?, ?> map = known.get(name);
            if (map != null) {
                changes.add(new Change(map, key, map.decodeKey(key), value, value == null ? null : map.decodeValue(value)));
            }
        }
        return changes;
    }

    /**
     * Counts a record's changes per map without knowing the maps, checking that the record is whole: what a
     * backup's verification and the data check read.
     */
    static void tally(byte[] payload, Map<String, Long> changesPerMap) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        int format = in.readUnsignedByte();
        if (format != RECORD_FORMAT) {
            throw new IOException("journal record format " + format + ", this build reads " + RECORD_FORMAT);
        }
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            byte kind = in.readByte();
            in.skipNBytes(in.readInt());
            if (kind == PUT) {
                in.skipNBytes(in.readInt());
            } else if (kind != REMOVE) {
                throw new IOException("journal record with change kind " + kind);
            }
            changesPerMap.merge(name, 1L, Long::sum);
        }
        if (in.available() != 0) {
            throw new IOException("journal record with " + in.available() + " bytes past its last change");
        }
    }

    /** A key in a map, compared by its stored bytes (tuple keys are arrays, which do not compare by content). */
    record Slot(DurableMap<?, ?> map, byte[] key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Slot s && s.map == map && Arrays.equals(s.key, key);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(map) * 31 + Arrays.hashCode(key);
        }
    }
}
