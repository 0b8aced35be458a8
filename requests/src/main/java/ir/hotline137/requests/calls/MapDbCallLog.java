package ir.hotline137.requests.calls;

import ir.hotline137.requests.store.DataFolder;
import ir.hotline137.requests.store.MapDbFiles;
import ir.hotline137.requests.store.SingleWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mapdb.Atomic;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import org.mapdb.serializer.SerializerArrayTuple;

/**
 * The embedded call log: its own MapDB file next to the request store, transactions on, so a burst of
 * call records never holds up the commits that tracking codes wait for.
 *
 * <p>Calls are kept in one ordered map keyed by (start in epoch milliseconds, sequence): a day's or a
 * month's calls are a range scan, and calls starting in the same millisecond stay apart. Writers take
 * turns ({@link SingleWriter}); readers never wait.
 */
public final class MapDbCallLog implements CallLog {
    private static final int STORE_FORMAT = 1;

    private final BTreeMap<Object[], CallRecord> byStart;
    private final Atomic.Long sequence;
    private final SingleWriter writer;

    private MapDbCallLog(DB db) {
        this.writer = new SingleWriter(db);
        this.byStart = db.treeMap("calls-by-start",
                new SerializerArrayTuple(Serializer.LONG, Serializer.LONG), new CallRecordCodec()).createOrOpen();
        this.sequence = db.atomicLong("sequence").createOrOpen();
        MapDbFiles.checkFormat(db, STORE_FORMAT, "call log");
    }

    /** Opens the log in a data folder; a damaged file is reported, never repaired or replaced. */
    public static MapDbCallLog open(DataFolder folder) {
        return open(folder.callsFile());
    }

    public static MapDbCallLog open(Path file) {
        return MapDbFiles.open(file, "call log", MapDbCallLog::new);
    }

    /** A log that lives and dies with the process, for tests. */
    public static MapDbCallLog inMemory() {
        return MapDbFiles.read(DBMaker.memoryDB().transactionEnable().make(), "call log in memory", MapDbCallLog::new);
    }

    @Override
    public void record(CallRecord call) {
        writer.write(() -> byStart.put(new Object[] {millis(call.startedAt()), sequence.incrementAndGet()}, call));
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
        for (CallRecord call : byStart.subMap(low, true, high, true).values()) {
            if (!call.startedAt().isBefore(from) && call.startedAt().isBefore(to)) {
                found.add(call);
            }
        }
        // Within one millisecond the key orders by arrival; a stable sort puts them in exact start order.
        found.sort(Comparator.comparing(CallRecord::startedAt));
        return found;
    }

    @Override
    public long count() {
        return byStart.sizeLong();
    }

    @Override
    public void close() {
        writer.close();
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
