package ir.hotline137.mayor.file;

import static ir.hotline137.store.StoredFields.readInstant;
import static ir.hotline137.store.StoredFields.readVersion;
import static ir.hotline137.store.StoredFields.writeInstant;

import ir.hotline137.store.DurableMap;
import ir.hotline137.store.MapFile;
import ir.hotline137.store.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mapdb.DataInput2;
import org.mapdb.DataOutput2;
import org.mapdb.Serializer;
import org.mapdb.serializer.GroupSerializerObjectArray;

/** The caller files, in the data folder's journal like everything else kept; a file set empty is removed. */
public final class MapDbCallerFiles implements CallerFiles {
    /** The maps of caller-files.mapdb; a file of another format is rebuilt from the journal. */
    private static final int FILE_FORMAT = 1;

    private final Storage storage;
    private final DurableMap<String, CallerFile> files;

    private MapDbCallerFiles(Storage storage) {
        this.storage = storage;
        MapFile file = new MapFile("caller-files.mapdb", FILE_FORMAT);
        this.files = file.hashMap("caller-files", Serializer.STRING, new Codec());
        storage.attach(file);
    }

    public static MapDbCallerFiles open(Storage storage) {
        return new MapDbCallerFiles(storage);
    }

    @Override
    public Optional<CallerFile> find(String number) {
        return Optional.ofNullable(files.get(number));
    }

    /** Every file, by number: for {@link CallerFilesMigration}. */
    List<CallerFile> all() {
        List<CallerFile> all = new ArrayList<>(files.view().values());
        all.sort(Comparator.comparing(CallerFile::number));
        return all;
    }

    @Override
    public void put(CallerFile file) {
        storage.write(tx -> {
            if (file.isEmpty()) {
                tx.remove(files, file.number());
            } else {
                tx.put(files, file.number(), file);
            }
            return file;
        });
    }

    /** Explicit fields behind a version byte. */
    static final class Codec extends GroupSerializerObjectArray<CallerFile> {
        private static final int VERSION = 1;

        @Override
        public void serialize(DataOutput2 out, CallerFile file) throws IOException {
            out.writeByte(VERSION);
            out.writeUTF(file.number());
            out.writeInt(file.flags().size());
            for (CallerFlag flag : file.flags()) {
                out.writeUTF(flag.name());
            }
            out.writeUTF(file.note());
            out.writeUTF(file.by());
            writeInstant(out, file.at());
        }

        @Override
        public CallerFile deserialize(DataInput2 in, int available) throws IOException {
            readVersion(in, VERSION, "caller file");
            String number = in.readUTF();
            int count = in.readInt();
            Set<CallerFlag> flags = EnumSet.noneOf(CallerFlag.class);
            for (int i = 0; i < count; i++) {
                flags.add(CallerFlag.valueOf(in.readUTF()));
            }
            return new CallerFile(number, flags, in.readUTF(), in.readUTF(), readInstant(in));
        }
    }
}
