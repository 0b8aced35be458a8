package ir.hotline137.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mapdb.Serializer;
import org.mapdb.serializer.GroupSerializer;

/**
 * A MapDB file of the data folder and the maps it holds: what a store declares before it is
 * {@linkplain Storage#attach attached}. The file is derived from the journal: the storage opens it where
 * its last checkpoint left it and replays what came after, or builds it again from the whole journal when
 * the checkpoint cannot be trusted.
 *
 * @param format bumped when the maps or their keys change: a file of another format is rebuilt, not misread
 */
public final class MapFile {
    private final String name;
    private final int format;
    private final List<DurableMap<?, ?>> maps = new ArrayList<>();
    private boolean attached;

    public MapFile(String name, int format) {
        this.name = Objects.requireNonNull(name, "name");
        this.format = format;
    }

    public <K, V> DurableMap<K, V> hashMap(String mapName, Serializer<K> keys, Serializer<V> values) {
        return add(new DurableMap<>(this, mapName, DurableMap.Kind.HASH, keys, values));
    }

    public <K, V> DurableMap<K, V> treeMap(String mapName, GroupSerializer<K> keys, GroupSerializer<V> values) {
        return add(new DurableMap<>(this, mapName, DurableMap.Kind.TREE, keys, values));
    }

    public String name() {
        return name;
    }

    int format() {
        return format;
    }

    List<DurableMap<?, ?>> maps() {
        return List.copyOf(maps);
    }

    void markAttached() {
        attached = true;
    }

    private <K, V> DurableMap<K, V> add(DurableMap<K, V> map) {
        if (attached) {
            throw new IllegalStateException(name + " is attached already; declare its maps first");
        }
        if (maps.stream().anyMatch(m -> m.name().equals(map.name()))) {
            throw new IllegalArgumentException(name + " declares map " + map.name() + " twice");
        }
        maps.add(map);
        return map;
    }

    @Override
    public String toString() {
        return name;
    }
}
