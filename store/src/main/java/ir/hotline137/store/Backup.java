package ir.hotline137.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Backups of a data folder, taken while the system runs. The journal is append-only and each record carries
 * its checksum, so a copy that reads every segment record by record up to the last whole record is a
 * consistent snapshot: it holds every change acknowledged before the backup began (each was forced, so it
 * is whole on disk) and nothing half. The MapDB files and the index are not copied: they are built again
 * from the journal when the restored folder is first opened. Recordings are copied as files.
 *
 * <pre>
 * BACKUP        what was copied: when, from where, the journal's id and end, the counts
 * FORMAT        the data folder's format
 * journal/      the segments, each cut at its last whole record
 * recordings/   the callers' and the mayor's recordings
 * </pre>
 */
public final class Backup {
    private static final String MANIFEST = "BACKUP";
    private static final String MANIFEST_HEADER = "hotline137-backup 1";

    private Backup() {
    }

    /** What a backup holds, as its verification read it. */
    public record Contents(Path folder, Instant created, String journalId, long journalEnd, long records,
                           Map<String, Long> changesPerMap, long recordings) {
    }

    /**
     * Copies the durable contents of {@code dataDir} into {@code target} (new or empty) while the system may be
     * running, then verifies the copy.
     *
     * @throws DataFolderException naming what could not be read or written
     */
    public static Contents create(Path dataDir, Path target) {
        DataFolder folder = DataFolder.open(dataDir);
        try {
            requireEmpty(target, "backup folder");
            Files.createDirectories(target.resolve("journal"));
            Files.copy(folder.root().resolve(DataFolder.FORMAT_FILE), target.resolve(DataFolder.FORMAT_FILE));
            List<Path> segments = Journal.segments(folder.journalFolder());
            if (segments.isEmpty()) {
                throw new DataFolderException("data folder " + folder.root() + " has no journal: nothing to back up");
            }
            String id = Journal.SegmentHeader.read(segments.getFirst()).id().toString();
            long end = 0;
            long records = 0;
            for (Path segment : segments) {
                // Read record by record: the copy ends at a whole record even if the writer is mid-append.
                JournalReader.Scan scan = JournalReader.scanSegment(segment);
                if (scan.damagedAt() >= 0 && !segment.equals(segments.getLast())) {
                    throw Journal.damaged(segment, "has a damaged record at position " + scan.damagedAt());
                }
                long bytes = Journal.SEGMENT_HEADER + (scan.end() - scan.start());
                copyPrefix(segment, target.resolve("journal").resolve(segment.getFileName()), bytes);
                end = scan.end();
                records += scan.records();
            }
            Durably.syncFolder(target.resolve("journal"));
            long recordings = copyTree(folder.recordingsFolder(), target.resolve("recordings"));
            Durably.replace(target.resolve(MANIFEST), MANIFEST_HEADER + "\ncreated=" + Instant.now() + "\nfrom="
                    + folder.root() + "\njournal=" + id + "\nend=" + end + "\nrecords=" + records + "\nrecordings="
                    + recordings + "\n");
        } catch (IOException e) {
            throw new DataFolderException("backup of " + folder.root() + " into " + target + " failed: " + e.getMessage()
                    + ". The backup folder is incomplete; remove it and try again.", e);
        }
        return verify(target);
    }

    /**
     * Reads a backup through: every journal record whole and in order, the segments one journal, at least as
     * many records as the backup counted, the recordings there.
     *
     * @throws DataFolderException saying what is wrong with it
     */
    public static Contents verify(Path backup) {
        try {
            Map<String, String> manifest = manifest(backup);
            Path journal = backup.resolve("journal");
            List<Path> segments = Journal.segments(journal);
            if (segments.isEmpty()) {
                throw new DataFolderException("backup " + backup + " has no journal segments");
            }
            String id = Journal.SegmentHeader.read(segments.getFirst()).id().toString();
            if (!id.equals(manifest.get("journal"))) {
                throw new DataFolderException("backup " + backup + " holds journal " + id + ", its BACKUP file names "
                        + manifest.get("journal"));
            }
            long first = Journal.SegmentHeader.read(segments.getFirst()).start();
            long expected = first;
            for (Path segment : segments) {
                Journal.SegmentHeader header = Journal.SegmentHeader.read(segment);
                if (!header.id().toString().equals(id) || (segment != segments.getFirst() && header.start() < expected)) {
                    throw Journal.damaged(segment, "does not follow the segment before it");
                }
                expected = header.start();
            }
            // One pass over every record: the reader checks each checksum and refuses a damaged one.
            Map<String, Long> perMap = new TreeMap<>();
            long[] counted = {0, first};
            JournalReader.read(journal, first, Long.MAX_VALUE, (position, payload) -> {
                if (position != counted[1]) {
                    throw new DataFolderException("backup " + backup + " has a gap in its journal at position " + counted[1]);
                }
                Change.tally(payload, perMap);
                counted[0]++;
                counted[1] = position + Journal.RECORD_HEADER + payload.length;
            });
            long records = counted[0];
            expected = counted[1];
            long end = Long.parseLong(manifest.get("end"));
            if (expected != end || records != Long.parseLong(manifest.get("records"))) {
                throw new DataFolderException("backup " + backup + " holds " + records + " records up to position " + expected
                        + ", its BACKUP file says " + manifest.get("records") + " up to " + end);
            }
            long recordings = countFiles(backup.resolve("recordings"));
            if (recordings < Long.parseLong(manifest.get("recordings"))) {
                throw new DataFolderException("backup " + backup + " holds " + recordings + " recordings, its BACKUP file says "
                        + manifest.get("recordings"));
            }
            return new Contents(backup, Instant.parse(manifest.get("created")), id, end, records, perMap, recordings);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataFolderException d) {
                throw d;
            }
            throw new DataFolderException("backup " + backup + " cannot be read: " + e, e);
        }
    }

    /**
     * Verifies a backup and lays it out as a data folder at {@code dataDir}, which must be new or empty. The
     * system builds the MapDB files and the index from the journal at its first start there.
     */
    public static Contents restore(Path backup, Path dataDir) {
        Contents contents = verify(backup);
        try {
            requireEmpty(dataDir, "data folder to restore into");
            Files.createDirectories(dataDir.resolve("journal"));
            for (Path segment : Journal.segments(backup.resolve("journal"))) {
                copyPrefix(segment, dataDir.resolve("journal").resolve(segment.getFileName()), Files.size(segment));
            }
            Durably.syncFolder(dataDir.resolve("journal"));
            copyTree(backup.resolve("recordings"), dataDir.resolve("recordings"));
            // FORMAT last: a folder without it is not taken for a data folder, so a restore that died half-way
            // is refused at start rather than opened with part of the journal.
            Durably.replace(dataDir.resolve(DataFolder.FORMAT_FILE), Files.readString(backup.resolve(DataFolder.FORMAT_FILE)));
        } catch (IOException e) {
            throw new DataFolderException("restore of " + backup + " into " + dataDir + " failed: " + e.getMessage()
                    + ". Remove " + dataDir + " and try again.", e);
        }
        return contents;
    }

    private static Map<String, String> manifest(Path backup) throws IOException {
        Path file = backup.resolve(MANIFEST);
        if (!Files.exists(file)) {
            throw new DataFolderException(backup + " is not a Hotline 137 backup (it has no " + MANIFEST
                    + " file; a backup that did not finish has none either)");
        }
        Map<String, String> fields = Durably.readFields(file, MANIFEST_HEADER);
        if (fields == null) {
            throw new DataFolderException(file + " is not a backup description this build reads");
        }
        for (String needed : List.of("created", "journal", "end", "records", "recordings")) {
            if (!fields.containsKey(needed)) {
                throw new DataFolderException(file + " lacks '" + needed + "'");
            }
        }
        return fields;
    }

    private static void requireEmpty(Path dir, String what) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new DataFolderException(what + " " + dir + " is a file");
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new DataFolderException(what + " " + dir + " is not empty; nothing was written into it");
                }
            }
        }
    }

    private static void copyPrefix(Path from, Path to, long bytes) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long copied = 0;
            while (copied < bytes) {
                long n = in.transferTo(copied, bytes - copied, out);
                if (n <= 0) {
                    throw new IOException(from + " ended after " + copied + " of " + bytes + " bytes");
                }
                copied += n;
            }
            out.force(true);
        }
    }

    /** Copies every file under {@code from} (absent: nothing), forced; returns how many. */
    private static long copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return 0;
        }
        List<Path> copied = new ArrayList<>();
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                copyPrefix(file, target, attrs.size());
                copied.add(target);
                return FileVisitResult.CONTINUE;
            }
        });
        return copied.size();
    }

    private static long countFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}
