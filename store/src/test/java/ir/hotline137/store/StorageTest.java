package ir.hotline137.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.Serializer;

class StorageTest {
    /** Small segments, so that a few hundred records already roll over several files. */
    static final StoreSettings SETTINGS = new StoreSettings(Duration.ofHours(1), 0, 8192);

    @TempDir
    Path dir;

    /** Two files, as the request store and a log are: one transaction may span both. */
    static final class Notes implements AutoCloseable {
        final Storage storage;
        final DurableMap<String, String> notes;
        final DurableMap<String, Long> counters;
        final DurableMap<Long, String> byNumber;

        Notes(Storage storage) {
            this.storage = storage;
            MapFile first = new MapFile("notes.mapdb", 1);
            notes = first.hashMap("notes", Serializer.STRING, Serializer.STRING);
            counters = first.hashMap("counters", Serializer.STRING, Serializer.LONG);
            MapFile second = new MapFile("numbers.mapdb", 1);
            byNumber = second.treeMap("by-number", Serializer.LONG, Serializer.STRING);
            storage.attach(first);
            storage.attach(second);
        }

        long add(String text) {
            return storage.write(tx -> {
                long n = tx.increment(counters, "notes");
                tx.put(notes, "n" + n, text);
                tx.put(byNumber, n, text);
                return n;
            });
        }

        @Override
        public void close() {
            storage.close();
        }
    }

    private Notes open() {
        return new Notes(Storage.open(dir, SETTINGS));
    }

    @Test
    void whatWasWrittenIsThereAfterReopeningWithOrWithoutACheckpoint() throws IOException {
        try (Notes n = open()) {
            for (int i = 1; i <= 300; i++) {
                assertThat(n.add("یادداشت " + i)).isEqualTo(i);
            }
            n.storage.checkpoint();
            n.add("after the checkpoint");
        }
        try (Notes n = open()) {
            assertThat(n.notes.get("n1")).isEqualTo("یادداشت 1");
            assertThat(n.notes.get("n301")).isEqualTo("after the checkpoint");
            assertThat(n.byNumber.ordered().lastKey()).isEqualTo(301L);
            assertThat(n.counters.get("notes")).isEqualTo(301L);
            assertThat(n.add("next")).isEqualTo(302);
        }
        try (Stream<Path> segments = Files.list(dir.resolve("journal"))) {
            assertThat(segments.filter(p -> p.toString().endsWith(".journal")).count()).isGreaterThan(3);
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aFileAttachedAfterWritesHaveBeenMadeIsBuiltAndTheOthersGoOn() {
        try (Storage storage = Storage.open(dir, SETTINGS)) {
            MapFile first = new MapFile("first.mapdb", 1);
            DurableMap<String, String> early = first.hashMap("early", Serializer.STRING, Serializer.STRING);
            storage.attach(first);
            for (int i = 0; i < 200; i++) {
                int n = i;
                storage.write(tx -> {
                    tx.put(early, "k" + n, "v" + n);
                    return n;
                });
            }
            MapFile second = new MapFile("second.mapdb", 1);
            DurableMap<String, String> late = second.hashMap("late", Serializer.STRING, Serializer.STRING);
            storage.attach(second);
            storage.write(tx -> {
                tx.put(late, "k", tx.get(early, "k199"));
                return null;
            });
            assertThat(late.get("k")).isEqualTo("v199");
            assertThat(early.size()).isEqualTo(200);
        }
    }

    @Test
    void aTransactionThatThrowsLeavesNothing() {
        try (Notes n = open()) {
            n.add("one");
            assertThatThrownBy(() -> n.storage.write(tx -> {
                tx.put(n.notes, "half", "made");
                tx.increment(n.counters, "notes");
                throw new IllegalStateException("changed my mind");
            })).hasMessage("changed my mind");
            assertThat(n.notes.get("half")).isNull();
            assertThat(n.add("two")).isEqualTo(2);
        }
    }

    @Test
    void concurrentWritersEachSeeTheOnesBeforeThemAndAllLand() throws Exception {
        int threads = 8;
        int each = 150;
        try (Notes n = open()) {
            CountDownLatch start = new CountDownLatch(1);
            List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < each; i++) {
                        String text = "writer " + thread + " note " + i;
                        long number = n.add(text);
                        // released means visible: to a lookup and to an ordered scan alike
                        if (!text.equals(n.notes.get("n" + number)) || !n.byNumber.ordered().containsKey(number)) {
                            failures.add("note " + number + " was not visible when its write returned");
                        }
                    }
                }));
            }
            start.countDown();
            for (Thread w : writers) {
                w.join();
            }
            assertThat(failures).isEmpty();
            assertThat(n.counters.get("notes")).isEqualTo((long) threads * each);
            assertThat(n.notes.size()).isEqualTo(threads * each);
        }
        try (Notes n = open()) {
            assertThat(n.notes.size()).isEqualTo(threads * each);
            assertThat(n.byNumber.size()).isEqualTo(threads * each);
        }
    }

    @Test
    void aFileMarkedDirtyIsBuiltAgainFromTheJournal() throws IOException {
        written(dir, 50);
        // As a crash leaves it: the mark says the file was being written.
        Path mark = dir.resolve("notes.mapdb.checkpoint");
        Files.writeString(mark, Files.readString(mark).replace("state=clean", "state=dirty"));
        Files.write(dir.resolve("notes.mapdb"), new byte[4096]);
        try (Notes n = open()) {
            assertThat(n.notes.size()).isEqualTo(50);
            assertThat(n.notes.get("n50")).isEqualTo("note 49");
        }
    }

    @Test
    void aMapDbFileThatDoesNotOpenIsBuiltAgainFromTheJournal() throws IOException {
        written(dir, 50);
        byte[] garbage = new byte[(int) Files.size(dir.resolve("numbers.mapdb"))];
        new Random(1).nextBytes(garbage);
        Files.write(dir.resolve("numbers.mapdb"), garbage);
        try (Notes n = open()) {
            assertThat(n.byNumber.size()).isEqualTo(50);
            assertThat(n.byNumber.get(50L)).isEqualTo("note 49");
        }
    }

    @Test
    void anUnfinishedLastRecordIsCutOffAndKeptAside() throws IOException {
        written(dir, 10);
        Path last = lastSegment();
        long size = Files.size(last);
        // half a record: a length that promises more than follows
        Files.write(last, new byte[] {100, 0, 0, 0, 1, 2, 3}, StandardOpenOption.APPEND);
        try (Notes n = open()) {
            assertThat(n.notes.size()).isEqualTo(10);
            assertThat(n.add("after")).isEqualTo(11);
        }
        try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("unfinished-"))).hasSize(1);
        }
        assertThat(Files.size(last)).isGreaterThan(size);
        try (Notes n = open()) {
            assertThat(n.notes.get("n11")).isEqualTo("after");
        }
    }

    @Test
    void aDamagedRecordBeforeTheLastSegmentStopsTheStartAndChangesNothing() throws IOException {
        written(dir, 300);
        Path first = segments(dir).getFirst();
        byte[] bytes = Files.readAllBytes(first);
        bytes[Journal.SEGMENT_HEADER + 20] ^= 0x55;
        Files.write(first, bytes);
        // force a replay through the damage
        Files.delete(dir.resolve("notes.mapdb.checkpoint"));

        assertThatThrownBy(this::open).isInstanceOf(DataFolderException.class)
                .hasMessageContaining(first.getFileName().toString()).hasMessageContaining("check-data");
        assertThat(Files.readAllBytes(first)).isEqualTo(bytes);
    }

    @Test
    void aSecondUserOfTheFolderIsToldWhoHasIt() {
        try (Notes n = open()) {
            assertThatThrownBy(() -> Storage.open(dir, SETTINGS)).isInstanceOf(DataFolderException.class)
                    .hasMessageContaining("in use by this very process (pid " + ProcessHandle.current().pid());
        }
        try (Notes n = open()) {
            assertThat(n.add("the folder is free again")).isEqualTo(1);
        }
    }

    @Test
    void anotherProcessHoldingTheFolderIsNamedAndTheFolderIsFreeOnceItDies() throws Exception {
        Process holder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), FolderHolder.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String said = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine();
            assertThat(said).isEqualTo("holding " + holder.pid());

            assertThatThrownBy(this::open).isInstanceOf(DataFolderException.class)
                    .hasMessageContaining("in use by process " + holder.pid()).hasMessageContaining("started");
        } finally {
            holder.destroyForcibly();
            holder.waitFor();
        }
        try (Notes n = open()) {
            assertThat(n.add("after the other process died")).isEqualTo(1);
        }
    }

    @Test
    void belowTheFreeSpaceKeptWritesAreRefusedReadsGoOnAndWritingResumesBySelf() {
        AtomicLong free = new AtomicLong(1L << 40);
        StoreSettings keepFree = new StoreSettings(Duration.ofHours(1), 100L << 20, 8192);
        try (Notes n = new Notes(Storage.open(DataFolder.open(dir), keepFree, free::get))) {
            n.add("before");
            free.set(10L << 20);

            assertThatThrownBy(() -> n.add("while full")).isInstanceOf(StoreRefusedException.class)
                    .hasMessageContaining("10 MB free").hasMessageContaining("hotline.embedded-store.min-free-space");
            assertThat(n.storage.health()).isInstanceOf(StorageHealth.Refusing.class);
            assertThat(n.notes.get("n1")).isEqualTo("before");
            assertThat(n.notes.size()).isEqualTo(1);

            free.set(1L << 40);
            assertThat(n.add("after")).isEqualTo(2);
            assertThat(n.storage.health()).isInstanceOf(StorageHealth.Writing.class);
        }
    }

    private Path lastSegment() throws IOException {
        return segments(dir).getLast();
    }

    /** The journal's segment files, in order. */
    static List<Path> segments(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("journal"))) {
            return files.filter(p -> p.toString().endsWith(".journal")).sorted().toList();
        }
    }

    /** A folder with {@code count} notes written and the storage closed again. */
    static void written(Path dataDir, int count) {
        try (Notes n = new Notes(Storage.open(dataDir, SETTINGS))) {
            for (int i = 0; i < count; i++) {
                n.add("note " + i);
            }
        }
    }
}
