package ir.hotline137.calls;

import ir.hotline137.store.DurableMap;
import ir.hotline137.store.Format1;
import ir.hotline137.store.Format1Upgrade;
import ir.hotline137.store.MapFile;
import ir.hotline137.store.Storage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.mapdb.DB;
import org.mapdb.Serializer;
import org.mapdb.serializer.SerializerArrayTuple;

/**
 * The embedded call log: an ordered map in {@code calls.mapdb}, every call journalled by the
 * {@link Storage} first, so a call record is durable when {@link #record} returns.
 *
 * <p>Calls are kept in one ordered map keyed by (start in epoch milliseconds, sequence): a day's or a
 * month's calls are a range scan, and calls starting in the same millisecond stay apart. Readers never wait.
 */
public final class MapDbCallLog implements CallLog {
    /** How {@code upgrade-data} copies the format-1 call file into the journal. */
    public static final Format1Upgrade.OldFile FORMAT1 = new Format1Upgrade.OldFile("calls.mapdb",
            (storage, file) -> open(storage).importFormat1(file));

    /** The maps of calls.mapdb; a file of another format is rebuilt from the journal. */
    private static final int FILE_FORMAT = 2;

    private final Storage storage;
    private final DurableMap<Object[], CallRecord> byStart;
    private final DurableMap<String, Long> counters;

    private MapDbCallLog(Storage storage) {
        this.storage = storage;
        MapFile file = new MapFile("calls.mapdb", FILE_FORMAT);
        this.byStart = file.treeMap("calls-by-start",
                new SerializerArrayTuple(Serializer.LONG, Serializer.LONG), new CallRecordCodec());
        this.counters = file.hashMap("call-counters", Serializer.STRING, Serializer.LONG);
        storage.attach(file);
    }

    /** Opens the log on the data folder's storage. */
    public static MapDbCallLog open(Storage storage) {
        return new MapDbCallLog(storage);
    }

    @Override
    public void record(CallRecord call) {
        storage.write(tx -> {
            tx.put(byStart, new Object[] {millis(call.startedAt()), tx.increment(counters, "sequence")}, call);
            return call;
        });
    }

    @Override
    public List<CallRecord> between(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        // The key keeps whole milliseconds; the records keep the exact instant, which decides at both edges.
        Object[] low = {millis(from), Long.MIN_VALUE};
        Object[] high = {millis(to), Long.MAX_VALUE};
        List<CallRecord> found = new ArrayList<>();
        for (CallRecord call : byStart.ordered().subMap(low, true, high, true).values()) {
            if (!call.startedAt().isBefore(from) && call.startedAt().isBefore(to)) {
                found.add(call);
            }
        }
        // Within one millisecond the key orders by arrival; a stable sort puts them in exact start order.
        found.sort(Comparator.comparing(CallRecord::startedAt));
        return found;
    }

    /** Every call, in the order they started: for {@link CallsMigration}. */
    void forEach(Consumer<CallRecord> action) {
        for (CallRecord call : byStart.ordered().values()) {
            action.accept(call);
        }
    }

    @Override
    public long count() {
        return byStart.size();
    }

    /** Copies every call of a format-1 file (before the journal) into this log; returns how many. */
    public long importFormat1(Path oldFile) {
        DB old = Format1.open(oldFile, "call log");
        try {
            Map<Object[], CallRecord> calls = old.treeMap("calls-by-start",
                    new SerializerArrayTuple(Serializer.LONG, Serializer.LONG), new CallRecordCodec()).open();
            List<CallRecord> all = new ArrayList<>(calls.values());
            for (int from = 0; from < all.size(); from += 500) {
                List<CallRecord> batch = all.subList(from, Math.min(all.size(), from + 500));
                storage.write(tx -> {
                    batch.forEach(this::record);
                    return batch.size();
                });
            }
            return all.size();
        } finally {
            old.close();
        }
    }

    /** The storage is shared with the other logs of the data folder and closed by whoever opened it. */
    @Override
    public void close() {
    }

    /** Whole epoch milliseconds, saturated so that Instant.MIN and MAX still work as open range ends. */
    private static long millis(Instant at) {
        try {
            return at.toEpochMilli();
        } catch (ArithmeticException e) {
            return at.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
