package ir.hotline137.requests;

import ir.hotline137.requests.category.Category;
import ir.hotline137.requests.category.CategorySuggester;
import ir.hotline137.requests.duplicates.DuplicateSettings;
import ir.hotline137.requests.duplicates.LuceneDuplicateIndex;
import ir.hotline137.requests.store.MapDbRequestStore;
import ir.hotline137.requests.text.PersianTextAnalyzer;
import ir.hotline137.store.DataFolder;
import ir.hotline137.store.Storage;
import ir.hotline137.store.StoreSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** A real desk over a real journalled store and Lucene index in a folder, as the application wires it. */
public final class Desks implements AutoCloseable {
    public static final List<Category> CATEGORIES = List.of(
            new Category("lighting", "روشنایی", List.of("چراغ", "لامپ", "تیر برق", "روشنایی"), "روشنایی منطقه", 7),
            new Category("pothole", "آسفالت", List.of("چاله", "آسفالت", "دست انداز"), "فنی و عمرانی", 14),
            new Category("cleaning", "نظافت", List.of("زباله", "آشغال", "جمع آوری"), "پسماند", 3),
            new Category("other", "سایر", List.of(), "دفتر ۱۳۷", 14));
    public static final List<District> DISTRICTS = IntStream.rangeClosed(1, 22)
            .mapToObj(n -> new District(n, "منطقه " + n)).toList();

    /** As the application keeps them, but with no free space kept (a test machine's disk may be small). */
    public static final StoreSettings STORE_SETTINGS = new StoreSettings(Duration.ofMinutes(1), 0, 64L << 20);

    public final Storage storage;
    public final DataFolder folder;
    public final MapDbRequestStore store;
    public final LuceneDuplicateIndex index;
    public final RequestDesk desk;

    public Desks(Path dir, Clock clock) throws IOException {
        this(dir, clock, STORE_SETTINGS.checkpointInterval(), 7);
    }

    /**
     * With MapDB checkpoints this often (a crash test wants them often, so kills land inside them), drawing
     * tracking codes from {@code seed} (a process that goes on in a folder must not draw the same codes again).
     */
    public Desks(Path dir, Clock clock, Duration checkpointInterval, long seed) throws IOException {
        storage = Storage.open(dir, new StoreSettings(checkpointInterval, STORE_SETTINGS.minFreeSpace(),
                STORE_SETTINGS.segmentSize()));
        folder = storage.folder();
        store = MapDbRequestStore.open(storage);
        index = LuceneDuplicateIndex.open(folder.indexFolder(), new PersianTextAnalyzer(), ShippedRequestSettings.duplicates());
        desk = new RequestDesk(store, index, DISTRICTS, CATEGORIES, new CategorySuggester(CATEGORIES, "other"), clock,
                new Random(seed));
    }

    @Override
    public void close() {
        index.close();
        storage.close();
    }
}
