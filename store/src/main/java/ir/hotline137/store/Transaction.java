package ir.hotline137.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * The changes of one {@link Storage#write}: reads see the durable state, the writes still being forced
 * before it, and this transaction's own changes; the changes are journalled as one record when the write
 * function returns, and dropped if it throws.
 */
public final class Transaction {
    private final Storage storage;
    private final LinkedHashMap<Change.Slot, Change> changes = new LinkedHashMap<>();

    Transaction(Storage storage) {
        this.storage = storage;
    }

    @SuppressWarnings("unchecked")
    public <K, V> V get(DurableMap<K, V> map, K key) {
        storage.checkAttached(map);
        Change.Slot slot = new Change.Slot(map, map.encodeKey(key));
        Change mine = changes.get(slot);
        if (mine != null) {
            return (V) mine.valueValue();
        }
        Storage.Staged staged = storage.staged(slot);
        if (staged != null) {
            return (V) staged.value();
        }
        return map.get(key);
    }

    public <K, V> boolean containsKey(DurableMap<K, V> map, K key) {
        return get(map, key) != null;
    }

    public <K, V> void put(DurableMap<K, V> map, K key, V value) {
        Objects.requireNonNull(value, "value");
        storage.checkAttached(map);
        byte[] k = map.encodeKey(key);
        record(new Change(map, k, key, map.encodeValue(value), value));
    }

    public <K, V> void remove(DurableMap<K, V> map, K key) {
        storage.checkAttached(map);
        byte[] k = map.encodeKey(key);
        record(new Change(map, k, key, null, null));
    }

    /** Adds one to a counter (0 when it has never been set) and returns the new value. */
    public long increment(DurableMap<String, Long> counters, String name) {
        Long current = get(counters, name);
        long next = (current == null ? 0 : current) + 1;
        put(counters, name, next);
        return next;
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    List<Change> changes() {
        return new ArrayList<>(changes.values());
    }

    private void record(Change change) {
        // The last change to a key is the one that counts; moving it to the end keeps the order of the
        // record the order of the changes.
        changes.remove(change.slot());
        changes.put(change.slot(), change);
    }
}
