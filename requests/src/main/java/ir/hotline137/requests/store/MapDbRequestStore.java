package ir.hotline137.requests.store;

import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.RequestNotFoundException;
import ir.hotline137.requests.Supporter;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.store.DataFolderException;
import ir.hotline137.store.DurableMap;
import ir.hotline137.store.Format1;
import ir.hotline137.store.Format1Upgrade;
import ir.hotline137.store.MapFile;
import ir.hotline137.store.Storage;
import ir.hotline137.store.Transaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.mapdb.DB;
import org.mapdb.Serializer;

/**
 * The embedded request store: maps in {@code requests.mapdb}, every change journalled by the
 * {@link Storage} first, so a request is durable when {@link #insert} returns and a crash never loses or
 * half-applies one.
 *
 * <p>Besides the requests by code it keeps four ordered indexes of its own, changed in the same
 * transaction: registration order, revision order (what changed since an index last looked), caller and
 * district. Readers never wait and see only what is durable.
 */
public final class MapDbRequestStore implements RequestStore {
    /** How {@code upgrade-data} copies the format-1 request file into the journal. */
    public static final Format1Upgrade.OldFile FORMAT1 = new Format1Upgrade.OldFile("requests.mapdb",
            (storage, file) -> open(storage).importFormat1(file));

    /** The maps of requests.mapdb; a file of another format is rebuilt from the journal. */
    private static final int FILE_FORMAT = 2;
    private static final String SEQUENCE = "sequence";
    private static final String REVISION = "revision";

    private final Storage storage;
    private final DurableMap<String, CitizenRequest> byCode;
    private final DurableMap<Long, String> bySequence;
    private final DurableMap<Long, String> byRevision;
    private final DurableMap<String, Boolean> byCaller;
    private final DurableMap<String, Boolean> byDistrict;
    private final DurableMap<String, Long> counters;

    private MapDbRequestStore(Storage storage) {
        this.storage = storage;
        MapFile file = new MapFile("requests.mapdb", FILE_FORMAT);
        this.byCode = file.hashMap("requests", Serializer.STRING, new CitizenRequestCodec());
        this.bySequence = file.treeMap("by-sequence", Serializer.LONG, Serializer.STRING);
        this.byRevision = file.treeMap("by-revision", Serializer.LONG, Serializer.STRING);
        this.byCaller = file.treeMap("by-caller", Serializer.STRING, Serializer.BOOLEAN);
        this.byDistrict = file.treeMap("by-district", Serializer.STRING, Serializer.BOOLEAN);
        this.counters = file.hashMap("request-counters", Serializer.STRING, Serializer.LONG);
        storage.attach(file);
    }

    /** Opens the store on the data folder's storage: its file as the journal says it must be. */
    public static MapDbRequestStore open(Storage storage) {
        return new MapDbRequestStore(storage);
    }

    @Override
    public CitizenRequest insert(CitizenRequest request) {
        return storage.write(tx -> {
            String code = request.code().value();
            if (tx.containsKey(byCode, code)) {
                throw new CodeTakenException(request.code());
            }
            long seq = tx.increment(counters, SEQUENCE);
            long rev = tx.increment(counters, REVISION);
            CitizenRequest stored = request.stamped(seq, rev);
            tx.put(byCode, code, stored);
            tx.put(bySequence, seq, code);
            tx.put(byRevision, rev, code);
            request.callerNumber().ifPresent(caller -> tx.put(byCaller, callerKey(caller, seq), true));
            tx.put(byDistrict, districtKey(stored.district(), seq), true);
            return stored;
        });
    }

    @Override
    public CitizenRequest update(TrackingCode code, UnaryOperator<CitizenRequest> change) {
        return storage.write(tx -> {
            CitizenRequest current = current(tx, code);
            return put(tx, current, change.apply(current));
        });
    }

    @Override
    public List<CitizenRequest> updateTogether(List<TrackingCode> codes,
                                               Function<List<CitizenRequest>, List<CitizenRequest>> change) {
        return storage.write(tx -> {
            if (codes.stream().distinct().count() != codes.size()) {
                throw new IllegalArgumentException("a request is named twice: " + codes);
            }
            List<CitizenRequest> before = new ArrayList<>(codes.size());
            for (TrackingCode code : codes) {
                before.add(current(tx, code));
            }
            List<CitizenRequest> after = change.apply(List.copyOf(before));
            if (after.size() != before.size()) {
                throw new IllegalArgumentException("the change returned " + after.size() + " requests for " + before.size());
            }
            List<CitizenRequest> stored = new ArrayList<>(after.size());
            for (int i = 0; i < after.size(); i++) {
                if (!after.get(i).code().equals(before.get(i).code())) {
                    throw new IllegalArgumentException("the change returned " + after.get(i).code() + " in place of "
                            + before.get(i).code());
                }
                stored.add(put(tx, current(tx, before.get(i).code()), after.get(i)));
            }
            return stored;
        });
    }

    @Override
    public <T> T together(Supplier<T> changes) {
        return storage.write(tx -> changes.get());
    }

    private CitizenRequest current(Transaction tx, TrackingCode code) {
        CitizenRequest current = tx.get(byCode, code.value());
        if (current == null) {
            throw new RequestNotFoundException(code);
        }
        return current;
    }

    private CitizenRequest put(Transaction tx, CitizenRequest current, CitizenRequest changed) {
        long rev = tx.increment(counters, REVISION);
        CitizenRequest stored = changed.stamped(current.sequence(), rev);
        String code = current.code().value();
        tx.put(byCode, code, stored);
        tx.remove(byRevision, current.revision());
        tx.put(byRevision, rev, code);
        for (Supporter supporter : stored.supporters()) {
            supporter.callerNumber().ifPresent(caller -> tx.put(byCaller, callerKey(caller, current.sequence()), true));
        }
        return stored;
    }

    @Override
    public Optional<CitizenRequest> find(TrackingCode code) {
        return Optional.ofNullable(byCode.get(code.value()));
    }

    @Override
    public boolean contains(TrackingCode code) {
        return byCode.containsKey(code.value());
    }

    @Override
    public List<CitizenRequest> findByCaller(CallerNumber caller, int limit) {
        String prefix = caller.digits() + "|";
        List<CitizenRequest> found = new ArrayList<>();
        for (String key : byCaller.ordered().subMap(prefix, true, prefix + "~", false).descendingKeySet()) {
            if (found.size() >= limit) {
                break;
            }
            String code = bySequence.get(Long.parseLong(key.substring(prefix.length())));
            CitizenRequest request = code == null ? null : byCode.get(code);
            if (request != null) {
                found.add(request);
            }
        }
        return found;
    }

    @Override
    public Page<CitizenRequest> search(RequestFilter filter, int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1");
        }
        Iterator<String> codes = filter.district()
                .map(d -> {
                    String prefix = districtPrefix(d);
                    return byDistrict.ordered().subMap(prefix, true, prefix + "~", false).descendingKeySet().stream()
                            .map(key -> bySequence.get(Long.parseLong(key.substring(prefix.length()))))
                            .iterator();
                })
                .orElseGet(() -> bySequence.ordered().descendingMap().values().iterator());
        int skip = page * size;
        List<CitizenRequest> items = new ArrayList<>(size);
        boolean hasNext = false;
        while (codes.hasNext()) {
            String code = codes.next();
            CitizenRequest request = code == null ? null : byCode.get(code);
            if (request == null || !filter.matches(request)) {
                continue;
            }
            if (skip > 0) {
                skip--;
            } else if (items.size() < size) {
                items.add(request);
            } else {
                hasNext = true;
                break;
            }
        }
        return new Page<>(items, page, size, hasNext);
    }

    @Override
    public long count() {
        return bySequence.size();
    }

    @Override
    public long revision() {
        Long revision = counters.get(REVISION);
        return revision == null ? 0 : revision;
    }

    @Override
    public void forEachChangedSince(long sinceRevision, Consumer<CitizenRequest> action) {
        for (Map.Entry<Long, String> entry : byRevision.ordered().tailMap(sinceRevision, false).entrySet()) {
            CitizenRequest request = byCode.get(entry.getValue());
            if (request != null) {
                action.accept(request);
            }
        }
    }

    @Override
    public void forEach(Consumer<CitizenRequest> action) {
        for (String code : bySequence.ordered().values()) {
            CitizenRequest request = byCode.get(code);
            if (request != null) {
                action.accept(request);
            }
        }
    }

    /**
     * Copies every request of a format-1 file (MapDB's own transactions, before the journal) into this store,
     * in registration order, keeping codes, times and history; returns how many. The old file is only read.
     */
    public long importFormat1(Path oldFile) {
        DB old = Format1.open(oldFile, "request store");
        try {
            Map<String, CitizenRequest> requests = old.hashMap("requests", Serializer.STRING, new CitizenRequestCodec()).open();
            Map<Long, String> bySequence = old.treeMap("by-sequence", Serializer.LONG, Serializer.STRING).open();
            List<CitizenRequest> batch = new ArrayList<>();
            long copied = 0;
            for (String code : bySequence.values()) {
                CitizenRequest request = requests.get(code);
                if (request != null) {
                    batch.add(request);
                }
                if (batch.size() == 500) {
                    copied += insertAll(batch);
                }
            }
            copied += insertAll(batch);
            if (copied != requests.size()) {
                throw new DataFolderException(oldFile + " holds " + requests.size()
                        + " requests but " + copied + " are in its registration order; it is left as it is");
            }
            return copied;
        } finally {
            old.close();
        }
    }

    private int insertAll(List<CitizenRequest> batch) {
        int n = batch.size();
        together(() -> {
            batch.forEach(this::insert);
            return n;
        });
        batch.clear();
        return n;
    }

    /** The storage is shared with the other logs of the data folder and closed by whoever opened it. */
    @Override
    public void close() {
    }

    private static String callerKey(CallerNumber caller, long seq) {
        return caller.digits() + "|" + String.format("%019d", seq);
    }

    private static String districtKey(int district, long seq) {
        return districtPrefix(district) + String.format("%019d", seq);
    }

    private static String districtPrefix(int district) {
        return String.format("%03d|", district);
    }
}
