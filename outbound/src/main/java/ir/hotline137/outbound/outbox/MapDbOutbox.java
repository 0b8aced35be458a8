package ir.hotline137.outbound.outbox;

import ir.hotline137.requests.TrackingCode;
import ir.hotline137.store.DurableMap;
import ir.hotline137.store.MapFile;
import ir.hotline137.store.Storage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.mapdb.Serializer;
import org.mapdb.serializer.SerializerArrayTuple;

/**
 * The outbox, in the data folder's journal like everything else kept. Besides the notifications by number it keeps
 * their keys (so a change seen twice makes one notification), what is due by time, what is being tried, what each
 * request has, and how far through the requests' changes the notices have been derived: the notifications a change
 * makes and the mark past that change land in one write, so a crash neither loses them nor makes them twice.
 */
public final class MapDbOutbox implements Outbox {
    /** The maps of outbox.mapdb; a file of another format is rebuilt from the journal. */
    private static final int FILE_FORMAT = 1;
    private static final String NEXT_ID = "notification";
    private static final String SEEN_REVISION = "seen-revision";
    private static final String STARTED_AT = "started-at";
    private static final String STARTED_AFTER_SEQUENCE = "started-after-sequence";

    private final Storage storage;
    private final DurableMap<Long, Notification> notifications;
    private final DurableMap<String, Long> byKey;
    private final DurableMap<Object[], Boolean> due;
    private final DurableMap<Long, Boolean> sending;
    private final DurableMap<Object[], Boolean> byRequest;
    private final DurableMap<String, Long> byMessageId;
    /** Receipts that came before the attempt they are for was recorded as ended (the parts of a long message). */
    private final DurableMap<String, String> earlyReceipts;
    private final DurableMap<String, Long> counters;

    private MapDbOutbox(Storage storage) {
        this.storage = storage;
        MapFile file = new MapFile("outbox.mapdb", FILE_FORMAT);
        this.notifications = file.treeMap("notifications", Serializer.LONG, new OutboxCodecs.NotificationCodec());
        this.byKey = file.hashMap("notification-keys", Serializer.STRING, Serializer.LONG);
        this.due = file.treeMap("due", new SerializerArrayTuple(Serializer.LONG, Serializer.LONG), Serializer.BOOLEAN);
        this.sending = file.treeMap("sending", Serializer.LONG, Serializer.BOOLEAN);
        this.byRequest = file.treeMap("by-request", new SerializerArrayTuple(Serializer.STRING, Serializer.LONG),
                Serializer.BOOLEAN);
        this.byMessageId = file.hashMap("by-message-id", Serializer.STRING, Serializer.LONG);
        this.earlyReceipts = file.hashMap("early-receipts", Serializer.STRING, Serializer.STRING);
        this.counters = file.hashMap("outbox-counters", Serializer.STRING, Serializer.LONG);
        storage.attach(file);
    }

    public static MapDbOutbox open(Storage storage) {
        return new MapDbOutbox(storage);
    }

    @Override
    public Optional<Long> seenRevision() {
        return Optional.ofNullable(counters.get(SEEN_REVISION));
    }

    @Override
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(counters.get(STARTED_AT)).map(Instant::ofEpochMilli);
    }

    @Override
    public Optional<Long> startedAfterSequence() {
        return Optional.ofNullable(counters.get(STARTED_AFTER_SEQUENCE));
    }

    @Override
    public void startFrom(long revision, long sequence, Instant at) {
        storage.write(tx -> {
            if (!tx.containsKey(counters, SEEN_REVISION)) {
                tx.put(counters, SEEN_REVISION, revision);
                tx.put(counters, STARTED_AT, at.toEpochMilli());
                tx.put(counters, STARTED_AFTER_SEQUENCE, sequence);
            }
            return null;
        });
    }

    @Override
    public List<Notification> add(List<Notification> made, long seenUpTo) {
        return storage.write(tx -> {
            List<Notification> kept = new ArrayList<>();
            for (Notification notification : made) {
                if (tx.containsKey(byKey, notification.key())) {
                    continue;
                }
                Notification numbered = notification.numbered(tx.increment(counters, NEXT_ID));
                tx.put(notifications, numbered.id(), numbered);
                tx.put(byKey, numbered.key(), numbered.id());
                numbered.request().ifPresent(code -> tx.put(byRequest, new Object[] {code.value(), numbered.id()}, true));
                numbered.nextTryAt().ifPresent(at -> tx.put(due, dueKey(at, numbered.id()), true));
                kept.add(numbered);
            }
            Long before = tx.get(counters, SEEN_REVISION);
            tx.put(counters, SEEN_REVISION, before == null ? seenUpTo : Math.max(before, seenUpTo));
            return kept;
        });
    }

    @Override
    public List<Notification> due(Instant now, int limit, Predicate<Notification> wanted) {
        List<Notification> found = new ArrayList<>();
        for (Object[] key : due.ordered().headMap(new Object[] {now.toEpochMilli(), Long.MAX_VALUE}, true).keySet()) {
            if (found.size() == limit) {
                break;
            }
            Notification notification = notifications.get((Long) key[1]);
            if (notification != null && notification.status() == NotificationStatus.PENDING
                    && wanted.test(notification)) {
                found.add(notification);
            }
        }
        return found;
    }

    @Override
    public Optional<Notification> beginAttempt(long id, Instant at) {
        return storage.write(tx -> {
            Notification current = tx.get(notifications, id);
            if (current == null || current.status() != NotificationStatus.PENDING) {
                return Optional.empty();
            }
            current.nextTryAt().ifPresent(was -> tx.remove(due, dueKey(was, id)));
            Notification begun = current.begun(at);
            tx.put(notifications, id, begun);
            tx.put(sending, id, true);
            return Optional.of(begun);
        });
    }

    @Override
    public Notification endAttempt(long id, AttemptResult how, String detail, NotificationStatus next,
                                   Optional<Instant> retryAt) {
        OutboxRules.checkRetry(next, retryAt);
        return storage.write(tx -> {
            Notification current = tx.get(notifications, id);
            Notification ended = OutboxRules.ended(id, current, how, detail, next, retryAt);
            if (ended == current) {
                return current;
            }
            for (String messageId : OutboxRules.messageIds(ended, how, detail)) {
                tx.put(byMessageId, messageId, id);
                String early = tx.get(earlyReceipts, messageId);
                if (early != null) {
                    ended = ended.received(early);
                    tx.remove(earlyReceipts, messageId);
                }
            }
            tx.put(notifications, id, ended);
            tx.remove(sending, id);
            Notification kept = ended;
            ended.nextTryAt().ifPresent(at -> tx.put(due, dueKey(at, id), true));
            return kept;
        });
    }

    @Override
    public Optional<Notification> callAnswered(long id) {
        return storage.write(tx -> {
            Notification current = tx.get(notifications, id);
            if (current == null || current.channel() != Channel.CALL || current.attempts().isEmpty()) {
                return Optional.<Notification>empty();
            }
            if (current.wasAnswered()) {
                return Optional.of(current);
            }
            current.nextTryAt().ifPresent(was -> tx.remove(due, dueKey(was, id)));
            Notification answered = current.answered("answered");
            tx.put(notifications, id, answered);
            tx.remove(sending, id);
            return Optional.of(answered);
        });
    }

    @Override
    public Optional<Notification> addOne(Notification reply) {
        return storage.write(tx -> {
            if (tx.containsKey(byKey, reply.key())) {
                return Optional.<Notification>empty();
            }
            Notification numbered = reply.numbered(tx.increment(counters, NEXT_ID));
            tx.put(notifications, numbered.id(), numbered);
            tx.put(byKey, numbered.key(), numbered.id());
            numbered.request().ifPresent(code -> tx.put(byRequest, new Object[] {code.value(), numbered.id()}, true));
            numbered.nextTryAt().ifPresent(at -> tx.put(due, dueKey(at, numbered.id()), true));
            return Optional.of(numbered);
        });
    }

    @Override
    public Optional<Notification> receipt(String messageId, String state) {
        return storage.write(tx -> {
            Long id = tx.get(byMessageId, messageId);
            Notification current = id == null ? null : tx.get(notifications, id);
            if (current == null) {
                tx.put(earlyReceipts, messageId, state);
                return Optional.<Notification>empty();
            }
            Notification received = current.received(state);
            tx.put(notifications, id, received);
            return Optional.of(received);
        });
    }

    @Override
    public void skip(long id) {
        storage.write(tx -> {
            Notification current = tx.get(notifications, id);
            if (current != null && current.status() == NotificationStatus.PENDING) {
                current.nextTryAt().ifPresent(was -> tx.remove(due, dueKey(was, id)));
                tx.put(notifications, id, current.withStatus(NotificationStatus.SKIPPED));
            }
            return id;
        });
    }

    @Override
    public int markInterruptedUncertain(Instant callsFrom) {
        List<Long> interrupted = new ArrayList<>(sending.view().keySet());
        if (interrupted.isEmpty()) {
            return 0;
        }
        storage.write(tx -> {
            for (Long id : interrupted) {
                OutboxRules.interrupted(tx.get(notifications, id), callsFrom).ifPresent(again -> {
                    tx.put(notifications, id, again);
                    again.nextTryAt().ifPresent(from -> tx.put(due, dueKey(from, id), true));
                });
                tx.remove(sending, id);
            }
            return null;
        });
        return interrupted.size();
    }

    @Override
    public Optional<Notification> find(long id) {
        return Optional.ofNullable(notifications.get(id));
    }

    @Override
    public List<Notification> forRequest(TrackingCode request) {
        List<Notification> found = new ArrayList<>();
        for (Object[] key : byRequest.prefix(new Object[] {request.value()}).keySet()) {
            Notification notification = notifications.get((Long) key[1]);
            if (notification != null) {
                found.add(notification);
            }
        }
        return found;
    }

    // What migrate-store moves out (OutboxMigration), each in the order of its keys.

    /** Every notification, by number. */
    void forEachNotification(Consumer<Notification> action) {
        notifications.ordered().values().forEach(action);
    }

    /** The SMS centre's ids of the parts sent, and their notifications. */
    NavigableMap<String, Long> messageIds() {
        return new TreeMap<>(byMessageId.view());
    }

    /** Receipts that came before their attempt was recorded, and their states. */
    NavigableMap<String, String> earlyReceipts() {
        return new TreeMap<>(earlyReceipts.view());
    }

    @Override
    public long count() {
        return notifications.size();
    }

    private static Object[] dueKey(Instant at, long id) {
        return new Object[] {at.toEpochMilli(), id};
    }
}
