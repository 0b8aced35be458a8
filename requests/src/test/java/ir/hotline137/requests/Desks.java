package ir.hotline137.requests;

import ir.hotline137.requests.category.Category;
import ir.hotline137.requests.category.CategorySuggester;
import ir.hotline137.requests.duplicates.DuplicateSettings;
import ir.hotline137.requests.duplicates.LuceneDuplicateIndex;
import ir.hotline137.requests.store.DataFolder;
import ir.hotline137.requests.store.MapDbRequestStore;
import ir.hotline137.requests.text.PersianTextAnalyzer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** A real desk over a real MapDB store and Lucene index in a folder, as the application wires it. */
public final class Desks implements AutoCloseable {
    public static final List<Category> CATEGORIES = List.of(
            new Category("lighting", "روشنایی", List.of("چراغ", "لامپ", "تیر برق", "روشنایی"), "روشنایی منطقه", 7),
            new Category("pothole", "آسفالت", List.of("چاله", "آسفالت", "دست انداز"), "فنی و عمرانی", 14),
            new Category("cleaning", "نظافت", List.of("زباله", "آشغال", "جمع آوری"), "پسماند", 3),
            new Category("other", "سایر", List.of(), "دفتر ۱۳۷", 14));
    public static final List<District> DISTRICTS = IntStream.rangeClosed(1, 22)
            .mapToObj(n -> new District(n, "منطقه " + n)).toList();

    public final DataFolder folder;
    public final MapDbRequestStore store;
    public final LuceneDuplicateIndex index;
    public final RequestDesk desk;

    public Desks(Path dir, Clock clock) throws IOException {
        folder = DataFolder.open(dir);
        store = MapDbRequestStore.open(folder);
        index = LuceneDuplicateIndex.open(folder.indexFolder(), new PersianTextAnalyzer(), DuplicateSettings.DEFAULTS);
        desk = new RequestDesk(store, index, DISTRICTS, CATEGORIES, new CategorySuggester(CATEGORIES, "other"), clock,
                new Random(7));
    }

    @Override
    public void close() {
        index.close();
        store.close();
    }
}
