package ir.hotline137.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DataInput2;
import org.mapdb.DataOutput2;
import org.mapdb.Serializer;
import org.mapdb.serializer.GroupSerializer;

/**
 * One named map of a {@link MapFile}: read directly (readers see what the journal has made durable, from the
 * moment its writer is released), changed only through a {@link Transaction}, so every change is journalled
 * first.
 *
 * <p>The MapDB map behind it is bound when its file is opened and bound again if the file is rebuilt; keys
 * and values are encoded in the journal with the same serializers MapDB stores them with.
 */
public final class DurableMap<K, V> {
    enum Kind { HASH, TREE }

    private final MapFile file;
    private final String name;
    private final Kind kind;
    private final Serializer<K> keys;
    private final Serializer<V> values;
    private volatile Map<K, V> map;
    private volatile Storage storage;

    DurableMap(MapFile file, String name, Kind kind, Serializer<K> keys, Serializer<V> values) {
        this.file = file;
        this.name = Objects.requireNonNull(name, "name");
        this.kind = kind;
        this.keys = keys;
        this.values = values;
    }

    public String name() {
        return name;
    }

    MapFile file() {
        return file;
    }

    /** The value last made durable under {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public V get(K key) {
        Map<K, V> m = bound();
        Storage.Staged forced = storage.durableValue(this, key);
        return forced != null ? (V) forced.value() : m.get(key);
    }

    public boolean containsKey(K key) {
        return get(key) != null;
    }

    public long size() {
        Map<K, V> m = bound();
        storage.awaitApplied();
        return m instanceof BTreeMap<K, V> tree ? tree.sizeLong() : m.size();
    }

    /** Every durable entry, for reading only: a change made through this view would bypass the journal. */
    public Map<K, V> view() {
        Map<K, V> m = bound();
        storage.awaitApplied();
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The durable entries in key order, for reading only (tree maps). */
    public NavigableMap<K, V> ordered() {
        if (kind != Kind.TREE) {
            throw new IllegalStateException(name + " is a hash map; it has no order");
        }
        Map<K, V> m = bound();
        storage.awaitApplied();
        return java.util.Collections.unmodifiableNavigableMap((NavigableMap<K, V>) m);
    }

    /** Entries whose tuple key starts with {@code prefix} (tree maps keyed by tuples). */
    public NavigableMap<K, V> prefix(Object[] prefix) {
        if (!(bound() instanceof BTreeMap<K, V> tree)) {
            throw new IllegalStateException(name + " is not a tree map");
        }
        storage.awaitApplied();
        @SuppressWarnings("unchecked")
        NavigableMap<K, V> sub = (NavigableMap<K, V>) tree.prefixSubMap((K) prefix);
        return java.util.Collections.unmodifiableNavigableMap(sub);
    }

    @SuppressWarnings("unchecked")
    void bind(DB db, Storage owner) {
        this.storage = owner;
        this.map = switch (kind) {
            case HASH -> db.hashMap(name, keys, values).createOrOpen();
            case TREE -> db.treeMap(name, (GroupSerializer<K>) keys, (GroupSerializer<V>) values).createOrOpen();
        };
    }

    void unbind() {
        this.map = null;
        this.storage = null;
    }

    @SuppressWarnings("unchecked")
    void apply(Object key, Object value) {
        if (value == null) {
            bound().remove((K) key);
        } else {
            bound().put((K) key, (V) value);
        }
    }

    byte[] encodeKey(K key) {
        return encode(keys, key);
    }

    byte[] encodeValue(V value) {
        return encode(values, value);
    }

    K decodeKey(byte[] bytes) {
        return decode(keys, bytes);
    }

    V decodeValue(byte[] bytes) {
        return decode(values, bytes);
    }

    private Map<K, V> bound() {
        Map<K, V> m = map;
        if (m == null || storage == null) {
            throw new IllegalStateException("map " + name + " of " + file.name() + " is not open");
        }
        return m;
    }

    private static <T> byte[] encode(Serializer<T> serializer, T value) {
        try {
            DataOutput2 out = new DataOutput2();
            serializer.serialize(out, value);
            return out.copyBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T decode(Serializer<T> serializer, byte[] bytes) {
        try {
            return serializer.deserialize(new DataInput2.ByteArray(bytes), bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return file.name() + "/" + name;
    }
}
