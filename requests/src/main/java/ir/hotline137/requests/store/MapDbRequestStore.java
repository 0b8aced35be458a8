package ir.hotline137.requests.store;

import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.RequestNotFoundException;
import ir.hotline137.requests.Supporter;
import ir.hotline137.requests.TrackingCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.mapdb.Atomic;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;

/**
 * The embedded request store: one MapDB file with its write-ahead log, transactions on.
 *
 * <p>MapDB has one transaction for the whole file, not one per thread, so writers take turns: each write
 * changes the maps and commits while holding the write lock, and a failed write rolls back before the
 * next writer starts. Readers never wait.
 *
 * <p>Besides the requests by code it keeps four ordered indexes of its own, updated in the same commit:
 * registration order, revision order (what changed since an index last looked), caller and district.
 */
public final class MapDbRequestStore implements RequestStore {
    private static final int STORE_FORMAT = 1;

    private final HTreeMap<String, CitizenRequest> byCode;
    private final BTreeMap<Long, String> bySequence;
    private final BTreeMap<Long, String> byRevision;
    private final NavigableSet<String> byCaller;
    private final NavigableSet<String> byDistrict;
    private final Atomic.Long revision;
    private final Atomic.Long sequence;
    private final SingleWriter writer;

    private MapDbRequestStore(DB db) {
        this.writer = new SingleWriter(db);
        this.byCode = db.hashMap("requests", Serializer.STRING, new CitizenRequestCodec()).createOrOpen();
        this.bySequence = db.treeMap("by-sequence", Serializer.LONG, Serializer.STRING).createOrOpen();
        this.byRevision = db.treeMap("by-revision", Serializer.LONG, Serializer.STRING).createOrOpen();
        this.byCaller = db.treeSet("by-caller", Serializer.STRING).createOrOpen();
        this.byDistrict = db.treeSet("by-district", Serializer.STRING).createOrOpen();
        this.revision = db.atomicLong("revision").createOrOpen();
        this.sequence = db.atomicLong("sequence").createOrOpen();
        MapDbFiles.checkFormat(db, STORE_FORMAT, "request store");
    }

    /** Opens the store in a data folder; a damaged file is reported, never repaired or replaced. */
    public static MapDbRequestStore open(DataFolder folder) {
        return open(folder.requestsFile());
    }

    public static MapDbRequestStore open(Path file) {
        return MapDbFiles.open(file, "request store", MapDbRequestStore::new);
    }

    @Override
    public CitizenRequest insert(CitizenRequest request) {
        return writer.write(() -> {
            String code = request.code().value();
            if (byCode.containsKey(code)) {
                throw new CodeTakenException(request.code());
            }
            long seq = sequence.incrementAndGet();
            long rev = revision.incrementAndGet();
            CitizenRequest stored = request.stamped(seq, rev);
            byCode.put(code, stored);
            bySequence.put(seq, code);
            byRevision.put(rev, code);
            request.callerNumber().ifPresent(caller -> byCaller.add(callerKey(caller, seq)));
            byDistrict.add(districtKey(stored.district(), seq));
            return stored;
        });
    }

    @Override
    public CitizenRequest update(TrackingCode code, UnaryOperator<CitizenRequest> change) {
        return writer.write(() -> {
            CitizenRequest current = byCode.get(code.value());
            if (current == null) {
                throw new RequestNotFoundException(code);
            }
            CitizenRequest changed = change.apply(current);
            long rev = revision.incrementAndGet();
            CitizenRequest stored = changed.stamped(current.sequence(), rev);
            byCode.put(code.value(), stored);
            byRevision.remove(current.revision());
            byRevision.put(rev, code.value());
            for (Supporter supporter : stored.supporters()) {
                supporter.callerNumber().ifPresent(caller -> byCaller.add(callerKey(caller, current.sequence())));
            }
            return stored;
        });
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
        for (String key : byCaller.subSet(prefix, true, prefix + "~", false).descendingSet()) {
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
                    return byDistrict.subSet(prefix, true, prefix + "~", false).descendingSet().stream()
                            .map(key -> bySequence.get(Long.parseLong(key.substring(prefix.length()))))
                            .iterator();
                })
                .orElseGet(() -> bySequence.descendingMap().values().iterator());
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
        return bySequence.sizeLong();
    }

    @Override
    public long revision() {
        return revision.get();
    }

    @Override
    public void forEachChangedSince(long sinceRevision, Consumer<CitizenRequest> action) {
        ConcurrentNavigableMap<Long, String> tail = byRevision.tailMap(sinceRevision, false);
        for (Map.Entry<Long, String> entry : tail.entrySet()) {
            CitizenRequest request = byCode.get(entry.getValue());
            if (request != null) {
                action.accept(request);
            }
        }
    }

    @Override
    public void forEach(Consumer<CitizenRequest> action) {
        for (String code : bySequence.values()) {
            CitizenRequest request = byCode.get(code);
            if (request != null) {
                action.accept(request);
            }
        }
    }

    @Override
    public void close() {
        writer.close();
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
