package ir.hotline137.store;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the data folder keeps, kept one way: a change is a {@link Transaction} over {@link DurableMap}s,
 * journalled as one record, forced to disk, and only then applied to the MapDB files and acknowledged.
 *
 * <p><b>Why a journal in front of MapDB.</b> MapDB 3.1's own transactions are not crash-safe: its
 * write-ahead log is never replayed, and a commit overwrites the file in place, so a crash inside a commit
 * tears the file. Here MapDB holds only what the journal has already made durable. Between commits MapDB
 * (transactions on) writes nothing into the main file — its changes go to its own log files, which are
 * thrown away at every start — so the main file stays exactly as the last commit left it. A commit is a
 * checkpoint: the file's mark turns dirty, MapDB commits, and the mark turns clean with the journal position
 * the file now holds. At start a clean file replays the journal from its mark; a dirty one (the process died
 * inside a checkpoint), one without a mark, or one that does not open is built again from the whole journal.
 * So no MapDB write is ever the only copy of anything.
 *
 * <p><b>Group commit.</b> Writers take turns computing their changes and appending them (the write lock);
 * they then wait for a force. One waiter at a time becomes the forcer: it forces every record appended so far
 * and releases all their writers at once, while the next writers are already appending. Concurrent writers
 * thus share one force instead of queueing for one each. A writer is released as soon as its record is
 * forced: applying it to MapDB is the applier thread's work, in journal order, off every writer's path.
 *
 * <p><b>What readers see.</b> A change is visible once it is durable, never before, and from the moment its
 * writer is released: a key looked up is found among the forced changes not yet applied, else in MapDB; a
 * range read (an ordered scan, a size) first waits for the applier to catch up with what is forced, which is
 * a fraction of a millisecond. A writer's reads also see the changes appended before it but not yet forced,
 * so a counter or a lookup inside a transaction is never stale.
 *
 * <p><b>Refusals.</b> Below {@link StoreSettings#minFreeSpace} free bytes, or when the journal cannot be
 * written or forced, a write is refused with {@link StoreRefusedException} and nothing of it is kept; the
 * next write tries again, so writing resumes by itself when space returns. If a MapDB file cannot follow
 * the journal (its disk failed under it), writes stop until a restart, which rebuilds the file; whatever was
 * acknowledged is in the journal.
 */
public final class Storage implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Storage.class);

    private final DataFolder folder;
    private final FolderLock lock;
    private final Journal journal;
    private final StoreSettings settings;
    private final LongSupplier freeSpace;
    private final ReentrantLock writeLock = new ReentrantLock();
    /**
     * The writes appended, and those forced but not yet applied, by the slot they change: what a writer's
     * reads see first. Guarded by writeLock.
     */
    private final Map<Change.Slot, Staged> staged = new HashMap<>();
    /** The writes appended and not yet forced, in journal order; guarded by writeLock. */
    private final ArrayDeque<PendingWrite> pending = new ArrayDeque<>();
    /** The changes forced but not yet applied to MapDB: what readers see before MapDB. */
    private final ConcurrentHashMap<Change.Slot, Staged> durable = new ConcurrentHashMap<>();
    /** Who may force: one thread at a time holds the role; the others wait to be released or to take it. */
    private final ReentrantLock role = new ReentrantLock();
    private final Condition roleChanged = role.newCondition();
    private boolean forcing;
    /** Applies forced writes to MapDB in journal order and takes the checkpoints: the only MapDB writer. */
    private final ScheduledExecutorService applier;
    private final ReentrantLock appliedLock = new ReentrantLock();
    private final Condition appliedMoved = appliedLock.newCondition();
    /** Where the last forced record ends whose changes readers may see. */
    private volatile long durableEnd;
    /** Where the last record applied to the MapDB files ends; written by the applier only. */
    private volatile long appliedEnd;
    private final List<OpenFile> files = new CopyOnWriteArrayList<>();
    private final Map<MapFile, OpenFile> openFiles = new ConcurrentHashMap<>();
    private final Map<String, DurableMap<?, ?>> mapsByName = new ConcurrentHashMap<>();
    /** The transaction this thread is inside of, so that a write within a write joins it. */
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();
    /** Set when the journal could not be written or forced; cleared by the next write that is forced. */
    private volatile StorageHealth.Refusing journalProblem;
    /** Set when writes must wait for a restart. */
    private volatile StorageHealth.Stopped stopped;
    /** Set while writes are refused for want of free space; cleared by the first write after space returns. */
    private volatile StorageHealth.Refusing spaceRefusal;
    private volatile boolean closed;
    /** How many forces and how many records they made durable: their ratio is the group commit's reach. */
    private final LongAdder forces = new LongAdder();
    private final LongAdder forcedRecords = new LongAdder();

    private Storage(DataFolder folder, FolderLock lock, Journal journal, StoreSettings settings, LongSupplier freeSpace) {
        this.folder = folder;
        this.lock = lock;
        this.journal = journal;
        this.settings = settings;
        this.freeSpace = freeSpace;
        this.appliedEnd = journal.forcedEnd();
        this.durableEnd = appliedEnd;
        this.applier = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("store-applier").daemon().factory());
        long every = settings.checkpointInterval().toMillis();
        applier.scheduleWithFixedDelay(this::checkpointQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the data folder for this process alone and its journal; the stores then {@link #attach} their
     * files.
     *
     * @throws DataFolderException when the folder is in use, of another format, or its journal is damaged;
     *                             nothing was changed
     */
    public static Storage open(Path dataDir, StoreSettings settings) {
        DataFolder folder = DataFolder.open(dataDir);
        FileStore store;
        try {
            store = Files.getFileStore(folder.root());
        } catch (IOException e) {
            throw new DataFolderException("cannot read the free space of " + folder.root() + ": " + e.getMessage(), e);
        }
        return open(folder, settings, () -> {
            try {
                return store.getUsableSpace();
            } catch (IOException e) {
                return Long.MAX_VALUE;
            }
        });
    }

    /** As {@link #open(Path, StoreSettings)}, told the free space by {@code freeSpace} (tests of a full disk). */
    static Storage open(DataFolder folder, StoreSettings settings, LongSupplier freeSpace) {
        FolderLock lock = FolderLock.acquire(folder);
        try {
            Journal journal = Journal.open(folder.journalFolder(), settings.segmentSize());
            return new Storage(folder, lock, journal, settings, freeSpace);
        } catch (IOException | RuntimeException e) {
            lock.close();
            if (e instanceof DataFolderException d) {
                throw d;
            }
            throw new DataFolderException("cannot open the journal in " + folder.journalFolder() + ": " + e, e);
        }
    }

    public DataFolder folder() {
        return folder;
    }

    /**
     * Opens a store's MapDB file: where its checkpoint left it plus the journal since, or built again from the
     * whole journal when the checkpoint cannot be trusted (the file was being written when the process died,
     * belongs to another journal or format, or does not open).
     */
    public void attach(MapFile file) {
        takeRole();
        try {
            // What other files' writers appended is made durable and applied first, so the journal read below
            // is all there is; holding the forcing role, nothing more is forced (or applied) while this file
            // is built. The applier needs the write lock to finish, so it is drained before that is taken.
            forceAndRelease();
            drainApplier();
        } catch (RuntimeException e) {
            giveUpRole();
            throw e;
        }
        writeLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("storage is closed");
            }
            for (DurableMap<?, ?> map : file.maps()) {
                if (mapsByName.containsKey(map.name())) {
                    throw new IllegalArgumentException("map " + map.name() + " of " + file + " is declared by another file too");
                }
            }
            Path path = folder.root().resolve(file.name());
            long end = journal.forcedEnd();
            Optional<Checkpoint> mark = Checkpoint.read(path);
            String distrust = distrust(path, mark, file, end);
            DB db = null;
            long from = journal.firstPosition();
            if (distrust == null && mark.isPresent()) {
                try {
                    db = openDb(path);
                    for (DurableMap<?, ?> map : file.maps()) {
                        map.bind(db, this);
                    }
                    from = mark.get().position();
                } catch (RuntimeException e) {
                    distrust = "it does not open (" + e.getMessage() + ")";
                    closeQuietly(db);
                    db = null;
                }
            }
            if (db == null) {
                if (distrust != null) {
                    log.warn("{}: building it again from the journal, because {}", path, distrust);
                }
                // Building writes the main file: should this process die before the checkpoint below, the
                // half-built file must not pass for a clean one.
                new Checkpoint(false, journal.id(), journal.firstPosition(), file.format()).write(path);
                setAside(path, mark.isPresent());
                db = openDb(path);
                for (DurableMap<?, ?> map : file.maps()) {
                    map.bind(db, this);
                }
            }
            OpenFile open = new OpenFile(file, path, db);
            long replayed = replay(open, from);
            if (replayed > 0 || distrust != null) {
                log.info("{}: {} journal records replayed from position {}", path, replayed, from);
            }
            commit(open, end);
            for (DurableMap<?, ?> map : file.maps()) {
                mapsByName.put(map.name(), map);
            }
            files.add(open);
            openFiles.put(file, open);
            file.markAttached();
        } catch (IOException e) {
            throw new DataFolderException("cannot open " + file + " in " + folder.root() + ": " + e, e);
        } finally {
            writeLock.unlock();
            giveUpRole();
        }
    }

    /**
     * Runs {@code change} as one transaction and returns its result once the change is durable: on the disk,
     * whatever happens to the process or the power next. If {@code change} throws, nothing is written and
     * the exception is rethrown. Called inside another write's {@code change} (a store method called by a
     * store method), it becomes part of that write: one record, durable when the outer write returns.
     *
     * @throws StoreRefusedException when the change could not be kept; nothing of it was
     */
    public <T> T write(Function<Transaction, T> change) {
        Transaction outer = current.get();
        if (outer != null) {
            // A write inside a write is part of it: it lands with it, whole, or not at all.
            return change.apply(outer);
        }
        PendingWrite written;
        T result;
        writeLock.lock();
        try {
            checkWritable();
            Transaction tx = new Transaction(this);
            current.set(tx);
            try {
                result = change.apply(tx);
            } finally {
                current.remove();
            }
            if (tx.isEmpty()) {
                return result;
            }
            List<Change> changes = tx.changes();
            byte[] record = Change.encode(changes);
            long end;
            try {
                end = journal.append(record);
            } catch (IOException e) {
                journalProblem = new StorageHealth.Refusing("the journal cannot be written: " + e.getMessage(), Instant.now());
                throw new StoreRefusedException("the change was not kept: the journal in " + journal.folder()
                        + " cannot be written (" + e.getMessage() + "); writes go on when the disk takes them again", e);
            }
            written = new PendingWrite(end, changes);
            for (Change c : changes) {
                staged.put(c.slot(), new Staged(written, c.valueValue()));
            }
            pending.addLast(written);
        } finally {
            writeLock.unlock();
        }
        awaitDurable(written);
        return result;
    }

    /** Whether writes are taken now, and if not, why. */
    public StorageHealth health() {
        if (stopped != null) {
            return stopped;
        }
        String space = spaceProblem();
        if (space != null) {
            StorageHealth.Refusing known = spaceRefusal;
            return known != null ? known : new StorageHealth.Refusing(space, Instant.now());
        }
        StorageHealth.Refusing journalNow = journalProblem;
        return journalNow != null ? journalNow : new StorageHealth.Writing(journal.end());
    }

    /** Commits every MapDB file changed since its last checkpoint and marks it clean at the journal's applied end. */
    public void checkpoint() {
        try {
            applier.submit(() -> {
                checkpointNow();
                return null;
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreRefusedException("interrupted while waiting for a checkpoint", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new StoreRefusedException("checkpoint failed", e.getCause());
        }
    }

    /** On the applier thread. */
    private void checkpointNow() {
        try {
            for (OpenFile f : files) {
                if (f.changedSinceCheckpoint && stopped == null) {
                    commit(f, appliedEnd);
                }
            }
        } catch (IOException e) {
            throw new StoreRefusedException("checkpoint failed: " + e.getMessage(), e);
        }
    }

    /** Forces of the journal so far, and the records they made durable (for benchmarks and the log). */
    public long[] forceCounts() {
        return new long[] {forces.sum(), forcedRecords.sum()};
    }

    /** The journal's position past its last record; a backup or a test reads up to here. */
    public long journalEnd() {
        return journal.forcedEnd();
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            writeLock.unlock();
        }
        takeRole();
        try {
            forceAndRelease();
            applier.submit(() -> {
                try {
                    checkpointNow();
                } catch (RuntimeException e) {
                    log.warn("last checkpoint failed; the journal is replayed at the next start", e);
                }
                for (OpenFile f : files) {
                    for (DurableMap<?, ?> map : f.file.maps()) {
                        map.unbind();
                    }
                    closeQuietly(f.db);
                }
            }).get();
            journal.close();
        } catch (IOException | ExecutionException e) {
            log.warn("closing the storage: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            applier.shutdownNow();
            giveUpRole();
            lock.close();
        }
    }

    /** What readers see under a key before MapDB: a forced change not yet applied (value null: removed). */
    Staged durableValue(DurableMap<?, ?> map, Object key) {
        if (durable.isEmpty()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        DurableMap<Object, ?> m = (DurableMap<Object, ?>) map;
        return durable.get(new Change.Slot(map, m.encodeKey(key)));
    }

    /** Waits until everything forced so far is applied: a range read then sees every released write. */
    void awaitApplied() {
        long target = durableEnd;
        if (appliedEnd >= target || stopped != null || Thread.currentThread().getName().equals("store-applier")) {
            return;
        }
        appliedLock.lock();
        try {
            while (appliedEnd < target && stopped == null && !closed) {
                appliedMoved.awaitUninterruptibly();
            }
        } finally {
            appliedLock.unlock();
        }
    }

    void checkAttached(DurableMap<?, ?> map) {
        if (mapsByName.get(map.name()) != map) {
            throw new IllegalStateException(map + " is not attached to this storage");
        }
    }

    /** What a write appended before this one put in {@code slot}, if it is not yet applied; writeLock held. */
    Staged staged(Change.Slot slot) {
        Staged mine = staged.get(slot);
        return mine != null ? mine : durable.get(slot);
    }

    private void awaitDurable(PendingWrite written) {
        role.lock();
        try {
            while (!written.done) {
                if (forcing) {
                    roleChanged.awaitUninterruptibly();
                    continue;
                }
                forcing = true;
                role.unlock();
                try {
                    forceAndRelease();
                } finally {
                    role.lock();
                    forcing = false;
                    roleChanged.signalAll();
                }
            }
        } finally {
            role.unlock();
        }
        if (written.failure != null) {
            throw new StoreRefusedException("the change was not kept: the journal could not be forced to disk ("
                    + written.failure.getMessage() + ")", written.failure);
        }
    }

    /** Waits for the forcing role and takes it: no force happens until {@link #giveUpRole}. */
    private void takeRole() {
        role.lock();
        try {
            while (forcing) {
                roleChanged.awaitUninterruptibly();
            }
            forcing = true;
        } finally {
            role.unlock();
        }
    }

    private void giveUpRole() {
        role.lock();
        try {
            forcing = false;
            roleChanged.signalAll();
        } finally {
            role.unlock();
        }
    }

    /**
     * Forces every appended record, makes the changes visible, releases their writers and hands them to the
     * applier. Only the holder of the forcing role calls this.
     */
    private void forceAndRelease() {
        List<PendingWrite> batch;
        writeLock.lock();
        try {
            batch = new ArrayList<>(pending);
        } finally {
            writeLock.unlock();
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            journal.force();
        } catch (IOException e) {
            dropUnforced(e);
            return;
        }
        forces.increment();
        forcedRecords.add(batch.size());
        for (PendingWrite p : batch) {
            for (Change c : p.changes) {
                durable.put(c.slot(), new Staged(p, c.valueValue()));
            }
        }
        durableEnd = batch.getLast().end;
        writeLock.lock();
        try {
            for (int i = 0; i < batch.size(); i++) {
                pending.removeFirst();
            }
        } finally {
            writeLock.unlock();
        }
        if (journalProblem != null) {
            log.info("the journal takes writes again");
            journalProblem = null;
        }
        for (PendingWrite p : batch) {
            p.done = true;
        }
        applier.execute(() -> applyBatch(batch));
    }

    /** On the applier thread: the batch into MapDB, then out of the overlays that stood in for it. */
    private void applyBatch(List<PendingWrite> batch) {
        if (stopped != null) {
            return;
        }
        try {
            for (PendingWrite p : batch) {
                apply(p);
                appliedEnd = p.end;
            }
        } catch (RuntimeException e) {
            // The batch is durable in the journal and its writers were told so; the MapDB file is rebuilt from
            // the journal at the next start. Until then the overlays keep showing what was acknowledged.
            log.error("a MapDB file could not follow the journal; writes stop until a restart rebuilds it", e);
            stopped = new StorageHealth.Stopped("a MapDB file in " + folder.root() + " could not be updated ("
                    + e.getMessage() + "); everything acknowledged is in the journal: restart to rebuild it",
                    Instant.now());
            signalApplied();
            return;
        }
        for (PendingWrite p : batch) {
            for (Change c : p.changes) {
                durable.computeIfPresent(c.slot(), (slot, s) -> s.by() == p ? null : s);
            }
        }
        writeLock.lock();
        try {
            for (PendingWrite p : batch) {
                for (Change c : p.changes) {
                    staged.computeIfPresent(c.slot(), (slot, s) -> s.by() == p ? null : s);
                }
            }
        } finally {
            writeLock.unlock();
        }
        signalApplied();
    }

    private void signalApplied() {
        appliedLock.lock();
        try {
            appliedMoved.signalAll();
        } finally {
            appliedLock.unlock();
        }
    }

    /** Waits until the applier has done everything handed to it so far. */
    private void drainApplier() {
        try {
            applier.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the store caught up", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * A force failed: nothing appended since the last good force may stay, since each was computed from the
     * ones before it. All of them are cut off the journal and their writers told; the next write starts again
     * from what is durable.
     */
    private void dropUnforced(IOException cause) {
        writeLock.lock();
        try {
            try {
                journal.truncate(journal.forcedEnd());
                journalProblem = new StorageHealth.Refusing("the journal could not be forced to disk: "
                        + cause.getMessage(), Instant.now());
            } catch (IOException | RuntimeException cut) {
                cause.addSuppressed(cut);
                stopped = new StorageHealth.Stopped("the journal could not be forced to disk (" + cause.getMessage()
                        + ") nor cut back to its last forced record; restart once the disk is sound", Instant.now());
            }
            log.error("journal force failed; {} unforced changes were dropped and their writers told", pending.size(), cause);
            for (PendingWrite p : pending) {
                for (Change c : p.changes) {
                    staged.computeIfPresent(c.slot(), (slot, s) -> s.by() == p ? null : s);
                }
                p.failure = cause;
                p.done = true;
            }
            pending.clear();
        } finally {
            writeLock.unlock();
        }
    }

    /** MapDB keeps the change in its own log files until the next checkpoint; the main file is not touched. */
    private void apply(PendingWrite p) {
        for (Change c : p.changes) {
            openFiles.get(c.map().file()).changedSinceCheckpoint = true;
            c.apply();
        }
    }

    /**
     * A checkpoint of one file: the only time MapDB writes its main file. The mark is dirty while it does, so
     * a death in the middle is known at the next start; then clean, naming the journal position the file holds.
     */
    private void commit(OpenFile f, long position) throws IOException {
        new Checkpoint(false, journal.id(), position, f.file.format()).write(f.path);
        f.db.commit();
        new Checkpoint(true, journal.id(), position, f.file.format()).write(f.path);
        f.changedSinceCheckpoint = false;
    }

    private void checkWritable() {
        if (closed) {
            throw new StoreRefusedException("the store is closed");
        }
        if (stopped != null) {
            throw new StoreRefusedException("writes are stopped: " + stopped.reason());
        }
        String space = spaceProblem();
        if (space != null) {
            if (spaceRefusal == null) {
                log.error("refusing writes: {}", space);
                spaceRefusal = new StorageHealth.Refusing(space, Instant.now());
            }
            throw new StoreRefusedException("the change was not kept: " + space);
        }
        if (spaceRefusal != null) {
            log.info("free space is back; writes resume");
            spaceRefusal = null;
        }
    }

    private String spaceProblem() {
        long free = freeSpace.getAsLong();
        if (free < settings.minFreeSpace()) {
            return "the disk of " + folder.root() + " has " + megabytes(free) + " free, less than the "
                    + megabytes(settings.minFreeSpace()) + " kept free (hotline.embedded-store.min-free-space); free some space"
                    + " and writing resumes by itself";
        }
        return null;
    }

    private long replay(OpenFile open, long from) throws IOException {
        Map<String, DurableMap<?, ?>> known = new HashMap<>();
        for (DurableMap<?, ?> map : open.file.maps()) {
            known.put(map.name(), map);
        }
        long[] count = {0};
        journal.read(from, (position, payload) -> {
            List<Change> changes = Change.decode(payload, known);
            for (Change c : changes) {
                c.apply();
            }
            if (!changes.isEmpty()) {
                count[0]++;
            }
        });
        return count[0];
    }

    private String distrust(Path path, Optional<Checkpoint> mark, MapFile file, long journalEnd) {
        if (mark.isEmpty()) {
            return Files.exists(path) ? "it has no readable checkpoint mark" : null;
        }
        Checkpoint c = mark.get();
        if (!c.clean()) {
            return "it was being written when the system stopped";
        }
        if (!c.journal().equals(journal.id())) {
            return "it was built from another journal (" + c.journal() + ")";
        }
        if (c.format() != file.format()) {
            return "it has format " + c.format() + " and this build uses " + file.format();
        }
        if (c.position() > journalEnd || c.position() < journal.firstPosition()) {
            return "its checkpoint (position " + c.position() + ") lies outside the journal ("
                    + journal.firstPosition() + ".." + journalEnd + ")";
        }
        if (!Files.exists(path)) {
            return "its checkpoint mark is there but the file is not";
        }
        return null;
    }

    /**
     * Clears the way for a file built from the journal. A file with a mark is known to be derived and is
     * removed; one without (put there by hand?) is moved aside, never deleted.
     */
    private static void setAside(Path path, boolean derived) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        if (derived) {
            Files.delete(path);
        } else {
            Path aside = path.resolveSibling(path.getFileName() + ".unmarked-" + System.currentTimeMillis());
            Files.move(path, aside);
            log.warn("{} had no checkpoint mark; it is kept as {}", path, aside);
        }
        Durably.syncFolder(path.getParent());
    }

    /**
     * Opens a MapDB file with its transactions on, for what they do give: a main file untouched between
     * commits. Their log files hold only changes the journal has too, never replayed by MapDB, so any left
     * by a process that died are removed first. File channels, not memory mapping: a disk that fills under a
     * mapped file faults the process, under a channel it is an error we can answer.
     */
    private static DB openDb(Path path) throws IOException {
        String walPrefix = path.getFileName() + ".wal.";
        try (var leftovers = Files.list(path.getParent())) {
            for (Path wal : leftovers.filter(p -> p.getFileName().toString().startsWith(walPrefix)).toList()) {
                Files.delete(wal);
            }
        }
        return DBMaker.fileDB(path.toFile()).fileChannelEnable().transactionEnable().fileLockDisable().make();
    }

    private void checkpointQuietly() {
        try {
            checkpointNow();
        } catch (RuntimeException e) {
            log.warn("checkpoint failed; the journal since the last one is replayed at the next start: {}", e.toString());
        }
    }

    private static void closeQuietly(DB db) {
        if (db != null && !db.isClosed()) {
            try {
                db.close();
            } catch (RuntimeException e) {
                log.warn("closing a MapDB file: {}", e.toString());
            }
        }
    }

    private static String megabytes(long bytes) {
        return (bytes >> 20) + " MB";
    }

    /** A value a write appended before the current one put in a slot (null when it removed it). */
    record Staged(PendingWrite by, Object value) {
    }

    /** A journalled write waiting for its force. */
    static final class PendingWrite {
        final long end;
        final List<Change> changes;
        volatile boolean done;
        volatile Throwable failure;

        PendingWrite(long end, List<Change> changes) {
            this.end = end;
            this.changes = changes;
        }
    }

    private static final class OpenFile {
        final MapFile file;
        final Path path;
        final DB db;
        boolean changedSinceCheckpoint;

        OpenFile(MapFile file, Path path, DB db) {
            this.file = file;
            this.path = path;
            this.db = db;
        }
    }
}
