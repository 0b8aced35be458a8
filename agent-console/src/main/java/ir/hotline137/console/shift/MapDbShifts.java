package ir.hotline137.console.shift;

import ir.hotline137.store.DurableMap;
import ir.hotline137.store.MapFile;
import ir.hotline137.store.Storage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.mapdb.Serializer;
import org.mapdb.serializer.SerializerArrayTuple;

/**
 * Agents' presence marks and wrap-ups, in the data folder's journal like everything else kept. Marks are keyed by
 * (agent, time, sequence), so one agent's day is one range read however many agents the centre has; each agent's
 * latest mark is kept beside them, so a start finds at once who was still on duty when the last run ended. A
 * wrap-up is keyed by (agent, call): a call whose first agent's phone did not answer is another agent's call too.
 */
public final class MapDbShifts implements Shifts {
    /** The maps of shifts.mapdb; a file of another format is rebuilt from the journal. */
    private static final int FILE_FORMAT = 1;

    private final Storage storage;
    private final DurableMap<Object[], PresenceMark> marks;
    private final DurableMap<Object[], WrapUp> wrapUps;
    private final DurableMap<String, PresenceMark> latest;
    private final DurableMap<String, Long> counters;

    private MapDbShifts(Storage storage) {
        this.storage = storage;
        MapFile file = new MapFile("shifts.mapdb", FILE_FORMAT);
        this.marks = file.treeMap("presence-marks",
                new SerializerArrayTuple(Serializer.STRING, Serializer.LONG, Serializer.LONG),
                new ShiftCodecs.MarkCodec());
        this.wrapUps = file.treeMap("agent-wrap-ups", new SerializerArrayTuple(Serializer.STRING, Serializer.STRING),
                new ShiftCodecs.WrapUpCodec());
        this.latest = file.hashMap("latest-marks", Serializer.STRING, new ShiftCodecs.MarkCodec());
        this.counters = file.hashMap("shift-counters", Serializer.STRING, Serializer.LONG);
        storage.attach(file);
    }

    public static MapDbShifts open(Storage storage) {
        return new MapDbShifts(storage);
    }

    @Override
    public void mark(PresenceMark mark) {
        storage.write(tx -> {
            long sequence = tx.increment(counters, "mark");
            tx.put(marks, new Object[] {mark.username(), mark.at().toEpochMilli(), sequence}, mark);
            tx.put(latest, mark.username(), mark);
            return mark;
        });
    }

    @Override
    public List<PresenceMark> marks(String username, Instant from) {
        List<PresenceMark> found = new ArrayList<>();
        var mine = marks.prefix(new Object[] {username});
        Object[] start = {username, from.toEpochMilli(), Long.MIN_VALUE};
        var before = mine.headMap(start, false).lastEntry();
        if (before != null) {
            found.add(before.getValue());
        }
        found.addAll(mine.tailMap(start, true).values());
        return found;
    }

    // What migrate-store moves out (ShiftsMigration), each in the order of its keys.

    /** Every presence mark, by agent and time. */
    void forEachMark(Consumer<PresenceMark> action) {
        marks.ordered().values().forEach(action);
    }

    /** Every wrap-up, by agent and call. */
    void forEachWrapUp(Consumer<WrapUp> action) {
        wrapUps.ordered().values().forEach(action);
    }

    long count() {
        return marks.size() + wrapUps.size();
    }

    @Override
    public List<PresenceMark> stillOnDuty() {
        return latest.view().values().stream().filter(mark -> mark.presence().isPresent()).toList();
    }

    @Override
    public void wrapUp(WrapUp wrapUp) {
        storage.write(tx -> {
            tx.put(wrapUps, new Object[] {wrapUp.agent(), wrapUp.callId()}, wrapUp);
            return wrapUp;
        });
    }

    @Override
    public Optional<WrapUp> wrapUpOf(String agent, String callId) {
        return Optional.ofNullable(wrapUps.get(new Object[] {agent, callId}));
    }
}
