package ir.hotline137.hotline.requests;

import ir.hotline137.hotline.HotlineProperties;
import ir.hotline137.requests.duplicates.LuceneDuplicateIndex;
import ir.hotline137.requests.text.PersianTextAnalyzer;
import ir.hotline137.store.DataFolder;
import ir.hotline137.store.DataFolderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the duplicate index in the data folder. The index is derived data: one that cannot be read (a disk
 * fault, a Lucene upgrade) is set aside and rebuilt from the store rather than stopping the hotline.
 */
public final class RequestsAssembly {
    private static final Logger log = LoggerFactory.getLogger(RequestsAssembly.class);

    private RequestsAssembly() {
    }

    public static LuceneDuplicateIndex openIndex(DataFolder folder, HotlineProperties properties) {
        Path path = folder.indexFolder();
        try {
            return LuceneDuplicateIndex.open(path, new PersianTextAnalyzer(), properties.duplicates().settings());
        } catch (IOException | RuntimeException unreadable) {
            log.warn("duplicate index at {} cannot be read ({}); it is rebuilt from the store", path, unreadable.toString());
            try {
                deleteRecursively(path);
                return LuceneDuplicateIndex.open(path, new PersianTextAnalyzer(), properties.duplicates().settings());
            } catch (IOException e) {
                throw new DataFolderException("cannot create the duplicate index at " + path + ": " + e.getMessage(), e);
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
