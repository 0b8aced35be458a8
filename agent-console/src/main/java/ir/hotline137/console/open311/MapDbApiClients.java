package ir.hotline137.console.open311;

import static ir.hotline137.store.StoredFields.readInstant;
import static ir.hotline137.store.StoredFields.readOptional;
import static ir.hotline137.store.StoredFields.readVersion;
import static ir.hotline137.store.StoredFields.writeInstant;
import static ir.hotline137.store.StoredFields.writeOptional;

import ir.hotline137.store.DurableMap;
import ir.hotline137.store.MapFile;
import ir.hotline137.store.Storage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.mapdb.DataInput2;
import org.mapdb.DataOutput2;
import org.mapdb.Serializer;
import org.mapdb.serializer.GroupSerializerObjectArray;

/** The API's clients, in open311-clients.mapdb, in the data folder's journal like everything else kept. */
public final class MapDbApiClients implements ApiClients {
    /** The maps of open311-clients.mapdb; a file of another format is rebuilt from the journal. */
    private static final int FILE_FORMAT = 1;

    private final Storage storage;
    private final DurableMap<Long, ApiClient> clients;
    private final DurableMap<String, Long> byHash;
    private final DurableMap<String, Long> counters;

    private MapDbApiClients(Storage storage) {
        this.storage = storage;
        MapFile file = new MapFile("open311-clients.mapdb", FILE_FORMAT);
        this.clients = file.treeMap("clients", Serializer.LONG, new ClientCodec());
        this.byHash = file.hashMap("clients-by-key", Serializer.STRING, Serializer.LONG);
        this.counters = file.hashMap("client-counters", Serializer.STRING, Serializer.LONG);
        storage.attach(file);
    }

    public static MapDbApiClients open(Storage storage) {
        return new MapDbApiClients(storage);
    }

    @Override
    public ApiClient add(ApiClient client) {
        return storage.write(tx -> {
            ApiClient numbered = client.numbered(tx.increment(counters, "client"));
            tx.put(clients, numbered.id(), numbered);
            tx.put(byHash, numbered.keyHash(), numbered.id());
            return numbered;
        });
    }

    @Override
    public Optional<ApiClient> byKeyHash(String hash) {
        return Optional.ofNullable(byHash.get(hash)).map(clients::get);
    }

    @Override
    public Optional<ApiClient> client(long id) {
        return Optional.ofNullable(clients.get(id));
    }

    @Override
    public List<ApiClient> all() {
        return new ArrayList<>(clients.ordered().values());
    }

    @Override
    public ApiClient update(long id, UnaryOperator<ApiClient> change) {
        return storage.write(tx -> {
            ApiClient current = tx.get(clients, id);
            if (current == null) {
                throw new IllegalArgumentException("no client " + id);
            }
            ApiClient changed = change.apply(current);
            tx.put(clients, id, changed);
            return changed;
        });
    }

    static final class ClientCodec extends GroupSerializerObjectArray<ApiClient> {
        private static final int VERSION = 1;

        @Override
        public void serialize(DataOutput2 out, ApiClient c) throws IOException {
            out.writeByte(VERSION);
            out.writeLong(c.id());
            out.writeUTF(c.name());
            out.writeUTF(c.keyHash());
            out.writeUTF(c.keyPrefix());
            writeInstant(out, c.createdAt());
            out.writeUTF(c.createdBy());
            out.writeBoolean(c.revokedAt().isPresent());
            if (c.revokedAt().isPresent()) {
                writeInstant(out, c.revokedAt().get());
            }
            writeOptional(out, c.revokedBy());
        }

        @Override
        public ApiClient deserialize(DataInput2 in, int available) throws IOException {
            readVersion(in, VERSION, "API client");
            long id = in.readLong();
            String name = in.readUTF();
            String hash = in.readUTF();
            String prefix = in.readUTF();
            Instant created = readInstant(in);
            String by = in.readUTF();
            Optional<Instant> revoked = in.readBoolean() ? Optional.of(readInstant(in)) : Optional.empty();
            return new ApiClient(id, name, hash, prefix, created, by, revoked, readOptional(in));
        }
    }
}
