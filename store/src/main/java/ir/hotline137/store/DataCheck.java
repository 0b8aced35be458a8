package ir.hotline137.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The {@code check-data} admin command: reads a stopped system's data folder through and says what it
 * finds, and with {@code recover} makes a damaged journal usable again without deleting anything.
 *
 * <p>Recovery keeps every record that can still be read — also those after a damaged stretch, found again
 * by their length and checksum — in a new journal, and moves the old one aside whole. Every record holds
 * whole values, not differences, so a record lost in the damage costs only that change; later changes of the
 * same request still hold all of it. The MapDB files and the index are built again at the next start.
 */
public final class DataCheck {
    private DataCheck() {
    }

    /** What the check found: one line per finding, and whether the folder can be opened as it is. */
    public record Report(List<String> lines, boolean sound) {
    }

    public static Report run(Path dataDir, boolean recover) {
        DataFolder folder = DataFolder.open(dataDir);
        List<String> lines = new ArrayList<>();
        try (FolderLock lock = FolderLock.acquire(folder)) {
            Path journal = folder.journalFolder();
            List<Path> segments = Journal.segments(journal);
            if (segments.isEmpty()) {
                lines.add("journal: none yet (a new folder)");
                return new Report(lines, true);
            }
            List<Readable> readable = new ArrayList<>();
            long damagedBytes = 0;
            boolean sound = true;
            Optional<Journal.SegmentHeader> first = Optional.empty();
            for (Path segment : segments) {
                Readable found = Readable.of(segment);
                readable.add(found);
                if (first.isEmpty()) {
                    first = found.header();
                }
                String name = segment.getFileName().toString();
                if (found.header().isEmpty()) {
                    lines.add(name + ": no readable header; " + found.bytes() + " bytes");
                    sound = false;
                    damagedBytes += found.bytes();
                    continue;
                }
                boolean last = segment.equals(segments.getLast());
                lines.add(name + ": " + found.records().size() + " records"
                        + (found.damaged().isEmpty() ? "" : "; unreadable: " + String.join(", ", found.damaged())));
                if (!found.damaged().isEmpty()) {
                    damagedBytes += found.damagedBytes();
                    // The last segment's unfinished tail is cut at the next start by itself: it was never acknowledged.
                    sound &= last && found.onlyTail();
                }
            }
            long total = readable.stream().mapToLong(r -> r.records().size()).sum();
            lines.add("journal: " + segments.size() + " segments, " + total + " readable records"
                    + (damagedBytes > 0 ? ", " + damagedBytes + " bytes unreadable" : ""));
            for (String file : List.of("requests.mapdb", "calls.mapdb", "mayor-sessions.mapdb")) {
                Path path = folder.root().resolve(file);
                Optional<Checkpoint> mark = Checkpoint.read(path);
                lines.add(file + ": " + (mark.isEmpty() ? (Files.exists(path) ? "no checkpoint mark: built again at start" : "not made yet")
                        : mark.get().clean() ? "clean at journal position " + mark.get().position()
                        : "dirty: built again from the journal at start"));
            }
            if (sound) {
                lines.add("the data folder is sound");
                return new Report(lines, true);
            }
            if (!recover) {
                lines.add("the journal is damaged; run again with --recover to keep every readable record in a new"
                        + " journal and move the damaged one aside (nothing is deleted)");
                return new Report(lines, false);
            }
            String stamp = Long.toString(System.currentTimeMillis());
            Path fresh = folder.root().resolve("journal.recovering-" + stamp);
            long kept = 0;
            try (Journal copy = Journal.open(fresh, Long.MAX_VALUE)) {
                for (Readable r : readable) {
                    for (byte[] payload : r.records()) {
                        copy.append(payload);
                        kept++;
                    }
                }
                copy.force();
            }
            Path aside = folder.root().resolve("journal.damaged-" + stamp);
            Files.move(journal, aside, StandardCopyOption.ATOMIC_MOVE);
            Files.move(fresh, journal, StandardCopyOption.ATOMIC_MOVE);
            Durably.syncFolder(folder.root());
            lines.add("recovered: " + kept + " records kept in a new journal; the damaged one is kept whole as " + aside);
            lines.add("the MapDB files and the duplicate index are built again from the new journal at the next start");
            return new Report(lines, true);
        } catch (IOException e) {
            throw new DataFolderException("cannot check " + folder.root() + ": " + e.getMessage(), e);
        }
    }

    /** A segment read as far as it goes, and past damage where a whole record can be found again. */
    private record Readable(Optional<Journal.SegmentHeader> header, long bytes, List<byte[]> records,
                            List<String> damaged, long damagedBytes, boolean onlyTail) {

        static Readable of(Path segment) throws IOException {
            byte[] all = Files.readAllBytes(segment);
            Optional<Journal.SegmentHeader> header;
            try {
                header = Optional.of(Journal.SegmentHeader.read(segment));
            } catch (DataFolderException e) {
                return new Readable(Optional.empty(), all.length, List.of(), List.of("header"), all.length, false);
            }
            ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
            List<byte[]> records = new ArrayList<>();
            List<String> damaged = new ArrayList<>();
            long damagedBytes = 0;
            boolean onlyTail = true;
            int at = Journal.SEGMENT_HEADER;
            while (at < all.length) {
                byte[] record = recordAt(b, at);
                if (record != null) {
                    records.add(record);
                    at += Journal.RECORD_HEADER + record.length;
                    continue;
                }
                int next = at + 1;
                while (next < all.length && recordAt(b, next) == null) {
                    next++;
                }
                long start = header.get().start() + (at - Journal.SEGMENT_HEADER);
                damaged.add("positions " + start + ".." + (start + (next - at)));
                damagedBytes += next - at;
                onlyTail &= next >= all.length;
                at = next;
            }
            return new Readable(header, all.length, records, damaged, damagedBytes, onlyTail);
        }

        private static byte[] recordAt(ByteBuffer b, int at) {
            if (b.limit() - at < Journal.RECORD_HEADER) {
                return null;
            }
            int length = b.getInt(at);
            int stored = b.getInt(at + 4);
            if (length <= 0 || length > Journal.MAX_RECORD || b.limit() - at - Journal.RECORD_HEADER < length) {
                return null;
            }
            byte[] payload = new byte[length];
            b.get(at + Journal.RECORD_HEADER, payload);
            CRC32C crc = new CRC32C();
            crc.update(payload);
            return (int) crc.getValue() == stored ? payload : null;
        }
    }
}
