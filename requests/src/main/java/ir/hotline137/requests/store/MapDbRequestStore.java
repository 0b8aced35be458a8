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
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.mapdb.DB;
import org.mapdb.Serializer;

/**
 * The embedded request store: maps in {@code requests.mapdb}, every change journalled by the
 * {@link Storage} first, so a request is durable when {@link #insert} returns and a crash never loses or
 * half-applies one.
 *
 * <p>Besides the requests by code it keeps five ordered indexes of its own, changed in the same
 * transaction: registration order, revision order (what changed since an index last looked), caller,
 * district, and the unit each open referred request waits on. Readers never wait and see only what is durable.
 */
public final class MapDbRequestStore implements RequestStore {
    /** How {@code upgrade-data} copies the format-1 request file into the journal. */
    public static final Format1Upgrade.OldFile FORMAT1 = new Format1Upgrade.OldFile("requests.mapdb",
            (storage, file) -> open(storage).importFormat1(file));

    /** The maps of requests.mapdb; a file of another format is rebuilt from the journal. */
    private static final int FILE_FORMAT = 2;
    private static final String SEQUENCE = "sequence";
    private static final String REVISION = "revision";
    /** Set once the unit index holds every request, so a store from before it is indexed once, at its first open. */
    private static final String UNIT_INDEX_BUILT = "unit-index-built";
    /** Between a unit's name and the sequence in its index keys: no readable name contains it. */
    private static final char UNIT_END = '\u001f';

    private final Storage storage;
    private final DurableMap<String, CitizenRequest> byCode;
    private final DurableMap<Long, String> bySequence;
    private final DurableMap<Long, String> byRevision;
    private final DurableMap<String, Boolean> byCaller;
    private final DurableMap<String, Boolean> byDistrict;
    private final DurableMap<String, Boolean> byUnit;
    private final DurableMap<String, Long> counters;

    private MapDbRequestStore(Storage storage) {
        this.storage = storage;
        MapFile file = new MapFile("requests.mapdb", FILE_FORMAT);
        this.byCode = file.hashMap("requests", Serializer.STRING, new CitizenRequestCodec());
        this.bySequence = file.treeMap("by-sequence", Serializer.LONG, Serializer.STRING);
        this.byRevision = file.treeMap("by-revision", Serializer.LONG, Serializer.STRING);
        this.byCaller = file.treeMap("by-caller", Serializer.STRING, Serializer.BOOLEAN);
        this.byDistrict = file.treeMap("by-district", Serializer.STRING, Serializer.BOOLEAN);
        this.byUnit = file.treeMap("by-unit", Serializer.STRING, Serializer.BOOLEAN);
        this.counters = file.hashMap("request-counters", Serializer.STRING, Serializer.LONG);
        storage.attach(file);
    }

    /** Opens the store on the data folder's storage: its file as the journal says it must be. */
    public static MapDbRequestStore open(Storage storage) {
        MapDbRequestStore store = new MapDbRequestStore(storage);
        store.indexUnitsOnce();
        return store;
    }

    private void indexUnitsOnce() {
        if (counters.get(UNIT_INDEX_BUILT) != null) {
            return;
        }
        List<CitizenRequest> waiting = new ArrayList<>();
        forEach(request -> {
            if (unitKey(request).isPresent()) {
                waiting.add(request);
            }
        });
        storage.write(tx -> {
            for (CitizenRequest request : waiting) {
                tx.put(byUnit, unitKey(request).orElseThrow(), true);
            }
            tx.put(counters, UNIT_INDEX_BUILT, 1L);
            return null;
        });
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
            unitKey(stored).ifPresent(key -> tx.put(byUnit, key, true));
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
        Optional<String> unitBefore = unitKey(current);
        Optional<String> unitAfter = unitKey(stored);
        if (!unitBefore.equals(unitAfter)) {
            unitBefore.ifPresent(key -> tx.remove(byUnit, key));
            unitAfter.ifPresent(key -> tx.put(byUnit, key, true));
        }
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
    public List<CitizenRequest> waitingOn(String unit) {
        String prefix = unit + UNIT_END;
        return byUnit.ordered().subMap(prefix, true, prefix + Character.MAX_VALUE, false).keySet().stream()
                .map(key -> bySequence.get(Long.parseLong(key.substring(prefix.length()))))
                .map(code -> code == null ? null : byCode.get(code))
                .filter(Objects::nonNull)
                .toList();
    }

    @Override
    public List<CitizenRequest> waitingOnAnyUnit() {
        return byUnit.ordered().keySet().stream()
                .map(key -> bySequence.get(Long.parseLong(key.substring(key.lastIndexOf(UNIT_END) + 1))))
                .map(code -> code == null ? null : byCode.get(code))
                .filter(Objects::nonNull)
                .toList();
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
    public void forEachNewestFirst(Predicate<CitizenRequest> action) {
        for (String code : bySequence.ordered().descendingMap().values()) {
            CitizenRequest request = byCode.get(code);
            if (request != null && !action.test(request)) {
                return;
            }
        }
    }

    @Override
    public void forEachRecentlyChanged(Predicate<CitizenRequest> action) {
        for (String code : byRevision.ordered().descendingMap().values()) {
            CitizenRequest request = byCode.get(code);
            if (request != null && !action.test(request)) {
                return;
            }
        }
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
    public void forEachChangeSince(long sinceRevision, ObjLongConsumer<CitizenRequest> action) {
        for (Map.Entry<Long, String> entry : byRevision.ordered().tailMap(sinceRevision, false).entrySet()) {
            CitizenRequest request = byCode.get(entry.getValue());
            if (request != null) {
                action.accept(request, entry.getKey());
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

    /** An open request referred to a unit waits on it; once resolved, rejected or sent back it waits on nobody. */
    private static Optional<String> unitKey(CitizenRequest request) {
        if (!request.isOpen()) {
            return Optional.empty();
        }
        return request.referral().map(r -> r.unit() + UNIT_END + String.format("%019d", request.sequence()));
    }

    private static String districtKey(int district, long seq) {
        return districtPrefix(district) + String.format("%019d", seq);
    }

    private static String districtPrefix(int district) {
        return String.format("%03d|", district);
    }
}
