package ir.hotline137.outbound.callback;

import static ir.hotline137.store.StoredFields.readInstant;
import static ir.hotline137.store.StoredFields.readOptional;
import static ir.hotline137.store.StoredFields.readVersion;
import static ir.hotline137.store.StoredFields.writeInstant;
import static ir.hotline137.store.StoredFields.writeOptional;

import ir.hotline137.requests.TrackingCode;
import ir.hotline137.store.DurableMap;
import ir.hotline137.store.MapFile;
import ir.hotline137.store.Storage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.mapdb.DataInput2;
import org.mapdb.DataOutput2;
import org.mapdb.Serializer;
import org.mapdb.serializer.GroupSerializerObjectArray;

/**
 * The callbacks, in callbacks.mapdb, in the data folder's journal like everything else kept: a citizen promised a call
 * back is not forgotten by a restart.
 */
public final class MapDbCallbacks implements CallbackStore {
    /** The maps of callbacks.mapdb; a file of another format is rebuilt from the journal. */
    private static final int FILE_FORMAT = 1;
    private static final String NEXT_ID = "callback";

    private final Storage storage;
    private final DurableMap<Long, Callback> callbacks;
    private final DurableMap<String, Long> counters;

    private MapDbCallbacks(Storage storage) {
        this.storage = storage;
        MapFile file = new MapFile("callbacks.mapdb", FILE_FORMAT);
        this.callbacks = file.treeMap("callbacks", Serializer.LONG, new Codec());
        this.counters = file.hashMap("callback-counters", Serializer.STRING, Serializer.LONG);
        storage.attach(file);
    }

    public static MapDbCallbacks open(Storage storage) {
        return new MapDbCallbacks(storage);
    }

    @Override
    public synchronized Callback add(Callback asked) {
        // Looked up before the write: a transaction reads only through itself. Adds are one at a time here, so the
        // number cannot start waiting between the two.
        Optional<Long> waiting = callbacks.view().values().stream()
                .filter(open -> open.number().equals(asked.number()) && CallbackRules.isOpen(open))
                .map(Callback::id).findFirst();
        return storage.write(tx -> {
            Callback open = waiting.map(id -> tx.get(callbacks, id)).orElse(null);
            if (open != null && CallbackRules.isOpen(open)) {
                Callback joined = CallbackRules.joined(open, asked);
                if (joined != open) {
                    tx.put(callbacks, open.id(), joined);
                }
                return joined;
            }
            Callback numbered = asked.numbered(tx.increment(counters, NEXT_ID));
            tx.put(callbacks, numbered.id(), numbered);
            return numbered;
        });
    }

    /** Every callback, open or ended, by number: for {@link CallbacksMigration}. */
    List<Callback> all() {
        return List.copyOf(callbacks.ordered().values());
    }

    @Override
    public List<Callback> open() {
        List<Callback> open = new ArrayList<>();
        for (Callback callback : callbacks.view().values()) {
            if (CallbackRules.isOpen(callback)) {
                open.add(callback);
            }
        }
        open.sort(CallbackRules.IN_PLACE);
        return open;
    }

    @Override
    public List<Callback> endedSince(Instant since) {
        return CallbackRules.endedSince(callbacks.view().values(), since);
    }

    @Override
    public Optional<Callback> find(long id) {
        return Optional.ofNullable(callbacks.get(id));
    }

    @Override
    public Optional<Callback> change(long id, Function<Callback, Optional<Callback>> rule) {
        return storage.write(tx -> {
            Optional<Callback> changed = rule.apply(tx.get(callbacks, id));
            changed.ifPresent(c -> tx.put(callbacks, id, c));
            return changed;
        });
    }

    @Override
    public int markInterrupted(Instant now) {
        List<Long> calling = new ArrayList<>();
        for (Callback callback : callbacks.view().values()) {
            if (callback.status() == CallbackStatus.CALLING) {
                calling.add(callback.id());
            }
        }
        if (calling.isEmpty()) {
            return 0;
        }
        storage.write(tx -> {
            for (Long id : calling) {
                CallbackRules.interrupted(tx.get(callbacks, id), now).ifPresent(c -> tx.put(callbacks, id, c));
            }
            return null;
        });
        return calling.size();
    }

    /** Explicit fields behind a version byte. */
    static final class Codec extends GroupSerializerObjectArray<Callback> {
        private static final int VERSION = 1;

        @Override
        public void serialize(DataOutput2 out, Callback c) throws IOException {
            out.writeByte(VERSION);
            out.writeLong(c.id());
            out.writeUTF(c.number());
            out.writeUTF(c.kind().name());
            writeInstant(out, c.placeAt());
            writeInstant(out, c.askedAt());
            writeOptional(out, c.request().map(TrackingCode::value));
            out.writeInt(c.district().orElse(-1));
            out.writeUTF(c.status().name());
            writeOptional(out, c.callingBy());
            out.writeInt(c.tries().size());
            for (CallbackTry attempt : c.tries()) {
                writeInstant(out, attempt.at());
                out.writeUTF(attempt.agent());
                out.writeUTF(attempt.outcome().name());
            }
            writeInstant(out, c.dueAt());
        }

        @Override
        public Callback deserialize(DataInput2 in, int available) throws IOException {
            readVersion(in, VERSION, "callback");
            long id = in.readLong();
            String number = in.readUTF();
            CallbackKind kind = CallbackKind.valueOf(in.readUTF());
            Instant placeAt = readInstant(in);
            Instant askedAt = readInstant(in);
            Optional<TrackingCode> request = readOptional(in).map(TrackingCode::new);
            int district = in.readInt();
            CallbackStatus status = CallbackStatus.valueOf(in.readUTF());
            Optional<String> callingBy = readOptional(in);
            int count = in.readInt();
            List<CallbackTry> tries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                tries.add(new CallbackTry(readInstant(in), in.readUTF(), CallbackOutcome.valueOf(in.readUTF())));
            }
            return new Callback(id, number, kind, placeAt, askedAt, request,
                    district < 0 ? Optional.empty() : Optional.of(district), status, callingBy, tries,
                    readInstant(in));
        }
    }
}
