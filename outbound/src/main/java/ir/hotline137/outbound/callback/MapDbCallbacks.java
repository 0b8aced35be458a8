package ir.hotline137.outbound.callback;

import static ir.hotline137.store.StoredFields.readInstant;
import static ir.hotline137.store.StoredFields.readOptional;
import static ir.hotline137.store.StoredFields.readVersion;
import static ir.hotline137.store.StoredFields.writeInstant;
import static ir.hotline137.store.StoredFields.writeOptional;

import ir.hotline137.requests.TrackingCode;
import ir.hotline137.store.DurableMap;
import ir.hotline137.store.MapFile;
import ir.hotline137.store.Storage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mapdb.DataInput2;
import org.mapdb.DataOutput2;
import org.mapdb.Serializer;
import org.mapdb.serializer.GroupSerializerObjectArray;

/**
 * The callbacks, in callbacks.mapdb, in the data folder's journal like everything else kept: a citizen promised a call
 * back is not forgotten by a restart.
 */
public final class MapDbCallbacks {
    /** The maps of callbacks.mapdb; a file of another format is rebuilt from the journal. */
    private static final int FILE_FORMAT = 1;
    private static final String NEXT_ID = "callback";
    /** First waited first: the place a citizen kept is the place they had in the queue. */
    private static final Comparator<Callback> IN_PLACE =
            Comparator.comparing(Callback::placeAt).thenComparing(Callback::id);

    private final Storage storage;
    private final DurableMap<Long, Callback> callbacks;
    private final DurableMap<String, Long> counters;

    private MapDbCallbacks(Storage storage) {
        this.storage = storage;
        MapFile file = new MapFile("callbacks.mapdb", FILE_FORMAT);
        this.callbacks = file.treeMap("callbacks", Serializer.LONG, new Codec());
        this.counters = file.hashMap("callback-counters", Serializer.STRING, Serializer.LONG);
        storage.attach(file);
    }

    public static MapDbCallbacks open(Storage storage) {
        return new MapDbCallbacks(storage);
    }

    /**
     * Keeps a callback; a number already waiting for one (or being called now) keeps the one it has (and its earlier place), with the
     * request of a message left now added when it had none.
     *
     * @return the callback the number now waits for
     */
    public synchronized Callback add(Callback asked) {
        // Looked up before the write: a transaction reads only through itself. Adds are one at a time here, so the
        // number cannot start waiting between the two.
        Optional<Long> waiting = callbacks.view().values().stream()
                .filter(open -> open.number().equals(asked.number()) && isOpen(open))
                .map(Callback::id).findFirst();
        return storage.write(tx -> {
            Callback open = waiting.map(id -> tx.get(callbacks, id)).orElse(null);
            if (open != null && isOpen(open)) {
                if (open.request().isEmpty() && asked.request().isPresent()) {
                    Callback withRequest = new Callback(open.id(), open.number(), open.kind(), open.placeAt(),
                            open.askedAt(), asked.request(), open.district().or(asked::district), open.status(),
                            open.callingBy(), open.tries(), open.dueAt());
                    tx.put(callbacks, open.id(), withRequest);
                    return withRequest;
                }
                return open;
            }
            Callback numbered = asked.numbered(tx.increment(counters, NEXT_ID));
            tx.put(callbacks, numbered.id(), numbered);
            return numbered;
        });
    }

    private static boolean isOpen(Callback callback) {
        return callback.status() == CallbackStatus.WAITING || callback.status() == CallbackStatus.CALLING;
    }

    /** Those waiting or being called now, in their place. */
    public List<Callback> open() {
        List<Callback> open = new ArrayList<>();
        for (Callback callback : callbacks.view().values()) {
            if (callback.status() == CallbackStatus.WAITING || callback.status() == CallbackStatus.CALLING) {
                open.add(callback);
            }
        }
        open.sort(IN_PLACE);
        return open;
    }

    /** Those ended (talked to, or closed) since {@code since}, latest first. */
    public List<Callback> endedSince(Instant since) {
        List<Callback> ended = new ArrayList<>();
        for (Callback callback : callbacks.view().values()) {
            boolean over = callback.status() == CallbackStatus.DONE || callback.status() == CallbackStatus.CLOSED;
            if (over && !callback.tries().isEmpty() && !callback.tries().getLast().at().isBefore(since)) {
                ended.add(callback);
            }
        }
        ended.sort(Comparator.comparing((Callback c) -> c.tries().getLast().at()).reversed());
        return ended;
    }

    public Optional<Callback> find(long id) {
        return Optional.ofNullable(callbacks.get(id));
    }

    /** An agent takes a waiting callback to call it now; empty when it is not waiting (another agent took it). */
    public Optional<Callback> claim(long id, String agent) {
        return storage.write(tx -> {
            Callback current = tx.get(callbacks, id);
            if (current == null || current.status() != CallbackStatus.WAITING) {
                return Optional.<Callback>empty();
            }
            Callback calling = current.calling(agent);
            tx.put(callbacks, id, calling);
            return Optional.of(calling);
        });
    }

    /**
     * Ends try number {@code number} of {@code agent}, if it is the one under way: a try that was given up on (the
     * hotline restarted meanwhile, another agent has it now) is not ended by a late word about it. Answered is done;
     * busy, not answered or failed waits {@code spacing}, or is closed once it was the last of {@code attempts};
     * anything else (the agent's miss, the exchange's) waits on in its place as it was.
     *
     * @return the callback as it is now; empty when that try was not the one under way
     */
    public Optional<Callback> end(long id, String agent, int number, CallbackOutcome outcome, Instant at, int attempts,
                                  Duration spacing) {
        return storage.write(tx -> {
            Callback current = tx.get(callbacks, id);
            if (current == null || current.status() != CallbackStatus.CALLING
                    || !current.callingBy().equals(Optional.of(agent)) || current.tries().size() != number - 1) {
                return Optional.<Callback>empty();
            }
            CallbackStatus next = CallbackStatus.WAITING;
            Instant due = current.dueAt();
            if (outcome == CallbackOutcome.ANSWERED) {
                next = CallbackStatus.DONE;
            } else if (outcome.isCitizens()) {
                next = current.citizensTries() + 1 >= attempts ? CallbackStatus.CLOSED : CallbackStatus.WAITING;
                due = at.plus(spacing);
            }
            Callback ended = current.ended(new CallbackTry(at, agent, outcome), next, due);
            tx.put(callbacks, id, ended);
            return Optional.of(ended);
        });
    }

    /** An agent closes a waiting callback: no call back is needed any more. Empty when it is not waiting. */
    public Optional<Callback> close(long id, String agent, Instant at) {
        return storage.write(tx -> {
            Callback current = tx.get(callbacks, id);
            if (current == null || current.status() != CallbackStatus.WAITING) {
                return Optional.<Callback>empty();
            }
            Callback closed = current.ended(new CallbackTry(at, agent, CallbackOutcome.CLOSED_BY_AGENT),
                    CallbackStatus.CLOSED, current.dueAt());
            tx.put(callbacks, id, closed);
            return Optional.of(closed);
        });
    }

    /**
     * After a start: a callback the last run was calling is waiting again, where it was; the try is kept as
     * {@link CallbackOutcome#UNAVAILABLE}, which does not count against the citizen.
     *
     * @return how many
     */
    public int markInterrupted(Instant now) {
        List<Long> calling = new ArrayList<>();
        for (Callback callback : callbacks.view().values()) {
            if (callback.status() == CallbackStatus.CALLING) {
                calling.add(callback.id());
            }
        }
        if (calling.isEmpty()) {
            return 0;
        }
        storage.write(tx -> {
            for (Long id : calling) {
                Callback callback = tx.get(callbacks, id);
                if (callback != null && callback.status() == CallbackStatus.CALLING) {
                    tx.put(callbacks, id, callback.ended(new CallbackTry(now, callback.callingBy().orElse(""),
                            CallbackOutcome.UNAVAILABLE), CallbackStatus.WAITING, callback.dueAt()));
                }
            }
            return null;
        });
        return calling.size();
    }

    /** Explicit fields behind a version byte. */
    static final class Codec extends GroupSerializerObjectArray<Callback> {
        private static final int VERSION = 1;

        @Override
        public void serialize(DataOutput2 out, Callback c) throws IOException {
            out.writeByte(VERSION);
            out.writeLong(c.id());
            out.writeUTF(c.number());
            out.writeUTF(c.kind().name());
            writeInstant(out, c.placeAt());
            writeInstant(out, c.askedAt());
            writeOptional(out, c.request().map(TrackingCode::value));
            out.writeInt(c.district().orElse(-1));
            out.writeUTF(c.status().name());
            writeOptional(out, c.callingBy());
            out.writeInt(c.tries().size());
            for (CallbackTry attempt : c.tries()) {
                writeInstant(out, attempt.at());
                out.writeUTF(attempt.agent());
                out.writeUTF(attempt.outcome().name());
            }
            writeInstant(out, c.dueAt());
        }

        @Override
        public Callback deserialize(DataInput2 in, int available) throws IOException {
            readVersion(in, VERSION, "callback");
            long id = in.readLong();
            String number = in.readUTF();
            CallbackKind kind = CallbackKind.valueOf(in.readUTF());
            Instant placeAt = readInstant(in);
            Instant askedAt = readInstant(in);
            Optional<TrackingCode> request = readOptional(in).map(TrackingCode::new);
            int district = in.readInt();
            CallbackStatus status = CallbackStatus.valueOf(in.readUTF());
            Optional<String> callingBy = readOptional(in);
            int count = in.readInt();
            List<CallbackTry> tries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                tries.add(new CallbackTry(readInstant(in), in.readUTF(), CallbackOutcome.valueOf(in.readUTF())));
            }
            return new Callback(id, number, kind, placeAt, askedAt, request,
                    district < 0 ? Optional.empty() : Optional.of(district), status, callingBy, tries,
                    readInstant(in));
        }
    }
}
