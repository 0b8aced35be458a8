package ir.hotline137.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The append-only file set that is the truth of the data folder: every change is one record, written at
 * the end and forced to disk before anyone is told it happened. Nothing is ever written in place.
 *
 * <p>Records live in segment files named by the journal position they start at; a position counts record
 * bytes from the first record of the first segment, so it means the same thing in every file and in a
 * copy. A record is {@code [length][CRC-32C of the payload][payload]}, little-endian. A crash can leave
 * only one kind of damage the journal repairs by itself: an incomplete last record (or page-cache garbage
 * after it) in the last segment, which was never forced and therefore never acknowledged; that tail is
 * moved aside into a file of its own and cut off. Damage anywhere else stops the opening with a message.
 *
 * <p>Thread safety: {@link #append} is called by one writer at a time (the storage's write lock) and
 * {@link #force} by one forcer at a time (its force lock), but the two run concurrently: the state they
 * share is guarded by this object's monitor, and the slow force runs outside it.
 */
final class Journal implements Closeable {
    static final String SEGMENT_SUFFIX = ".journal";
    static final int RECORD_HEADER = 8;
    /** A record longer than this is not one: a length field read from garbage. */
    static final int MAX_RECORD = 64 << 20;
    private static final long MAGIC = 0x4831_3337_4A52_4E4CL; // "H137JRNL"
    private static final int SEGMENT_FORMAT = 1;
    /** magic, format, journal id (two longs), first position, header checksum. */
    static final int SEGMENT_HEADER = 8 + 4 + 16 + 8 + 4;

    private final Path folder;
    private final long segmentBytes;
    private final UUID id;
    private FileChannel active;
    private long activeStart;
    /** Segments given up by a roll, forced already; closed by the next force, the only one who may. */
    private final List<FileChannel> retired = new ArrayList<>();
    private long end;
    private long forcedEnd;
    private final long firstPosition;

    private Journal(Path folder, long segmentBytes, UUID id, FileChannel active, long activeStart, long end,
                    long firstPosition) {
        this.folder = folder;
        this.segmentBytes = segmentBytes;
        this.id = id;
        this.active = active;
        this.activeStart = activeStart;
        this.end = end;
        this.forcedEnd = end;
        this.firstPosition = firstPosition;
    }

    /**
     * Opens the journal in {@code folder}, creating it empty when there is none, and finds its end. An
     * unfinished tail of the last segment is moved aside (never acknowledged); any other damage is refused.
     */
    static Journal open(Path folder, long segmentBytes) throws IOException {
        Files.createDirectories(folder);
        List<Path> segments = segments(folder);
        if (segments.isEmpty()) {
            UUID id = UUID.randomUUID();
            FileChannel channel = createSegment(folder, id, 0);
            return new Journal(folder, segmentBytes, id, channel, 0, 0, 0);
        }
        SegmentHeader first = SegmentHeader.read(segments.getFirst());
        long expectedStart = first.start();
        for (Path segment : segments) {
            SegmentHeader header = SegmentHeader.read(segment);
            if (!header.id().equals(first.id())) {
                throw damaged(segment, "belongs to another journal (" + header.id() + ", not " + first.id() + ")");
            }
            if (header.start() != expectedStart) {
                throw damaged(segment, "starts at position " + header.start() + " but the segment before it ends at "
                        + expectedStart + " (a segment is missing or was cut)");
            }
            if (segment.equals(segments.getLast())) {
                break;
            }
            // Earlier segments were forced whole before the next one was begun: they must read to their end.
            JournalReader.Scan scan = JournalReader.scanSegment(segment);
            if (scan.damagedAt() >= 0) {
                throw damaged(segment, "has a damaged record at position " + scan.damagedAt() + ": " + scan.damage());
            }
            expectedStart = scan.end();
        }
        Path last = segments.getLast();
        if (segments.size() > 1 && Files.size(last) < SEGMENT_HEADER) {
            // A roll that died before the new segment's header was whole: nothing was ever written into it.
            Path aside = folder.resolve("unfinished-" + last.getFileName() + "-" + System.currentTimeMillis() + ".tail");
            Files.move(last, aside);
            Durably.syncFolder(folder);
            return open(folder, segmentBytes);
        }
        JournalReader.Scan scan = JournalReader.scanSegment(last);
        if (scan.damagedAt() >= 0) {
            moveTailAside(folder, last, scan);
        }
        FileChannel channel = FileChannel.open(last, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return new Journal(folder, segmentBytes, first.id(), channel, SegmentHeader.read(last).start(), scan.end(),
                first.start());
    }

    /** The identity of this journal: a MapDB file checkpointed against another journal is not trusted. */
    UUID id() {
        return id;
    }

    /** Where the oldest record kept begins. */
    long firstPosition() {
        return firstPosition;
    }

    synchronized long end() {
        return end;
    }

    synchronized long forcedEnd() {
        return forcedEnd;
    }

    Path folder() {
        return folder;
    }

    /**
     * Writes one record after the last and returns the position just past it. It is not durable until a
     * {@link #force} returns that covers it. If the write fails, whatever part of it reached the file is cut
     * off again before this throws, so the next record starts where this one would have.
     */
    long append(byte[] payload) throws IOException {
        if (payload.length == 0 || payload.length > MAX_RECORD) {
            throw new IllegalArgumentException("a record must have 1.." + MAX_RECORD + " bytes, not " + payload.length);
        }
        ByteBuffer record = ByteBuffer.allocate(RECORD_HEADER + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        record.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
        synchronized (this) {
            if (end - activeStart >= segmentBytes) {
                roll();
            }
            long at = end;
            long offset = SEGMENT_HEADER + (at - activeStart);
            try {
                while (record.hasRemaining()) {
                    offset += active.write(record, offset);
                }
            } catch (IOException e) {
                try {
                    active.truncate(SEGMENT_HEADER + (at - activeStart));
                } catch (IOException cut) {
                    e.addSuppressed(cut);
                    // The next record is written at the same place and overwrites this part; what is left past
                    // it fails its checksum and is cut as an unacknowledged tail at the next opening.
                }
                throw e;
            }
            end = at + RECORD_HEADER + payload.length;
            return end;
        }
    }

    /**
     * Forces every record appended so far to the disk and returns the position up to which the journal is
     * now durable. Only one thread may force at a time.
     */
    long force() throws IOException {
        FileChannel channel;
        long target;
        List<FileChannel> done;
        synchronized (this) {
            channel = active;
            target = end;
            done = List.copyOf(retired);
            retired.clear();
        }
        channel.force(false);
        for (FileChannel old : done) {
            old.close();
        }
        synchronized (this) {
            forcedEnd = Math.max(forcedEnd, target);
            return forcedEnd;
        }
    }

    /**
     * Cuts off every record past {@code position}: after a failed force nothing unforced may stay, because
     * what was appended after it was computed from it. Only the active segment is cut: a roll forces the
     * segment it leaves, so the forced end is never before the active segment's start.
     */
    synchronized void truncate(long position) throws IOException {
        if (position < activeStart || position > end) {
            throw new IllegalArgumentException("cannot cut the journal at " + position + " (active segment "
                    + activeStart + ".." + end + ")");
        }
        active.truncate(SEGMENT_HEADER + (position - activeStart));
        active.force(true);
        end = position;
        forcedEnd = Math.min(forcedEnd, position);
    }

    /** Reads every record from {@code position} on, in order; the position given must be a record's start. */
    void read(long position, JournalReader.RecordVisitor visitor) throws IOException {
        long upTo = forcedEnd();
        JournalReader.read(folder, position, upTo, visitor);
    }

    @Override
    public synchronized void close() throws IOException {
        for (FileChannel old : retired) {
            old.close();
        }
        retired.clear();
        if (active.isOpen()) {
            active.force(true);
            active.close();
        }
    }

    /** Leaves the full segment (forced whole) for a new one, whose creation is itself made durable first. */
    private void roll() throws IOException {
        active.force(false);
        forcedEnd = end;
        FileChannel next = createSegment(folder, id, end);
        retired.add(active);
        active = next;
        activeStart = end;
    }

    private static FileChannel createSegment(Path folder, UUID id, long start) throws IOException {
        Path file = folder.resolve(segmentName(start));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            ByteBuffer header = SegmentHeader.encode(id, start);
            long offset = 0;
            while (header.hasRemaining()) {
                offset += channel.write(header, offset);
            }
            channel.force(true);
            Durably.syncFolder(folder);
            return channel;
        } catch (IOException e) {
            channel.close();
            Files.deleteIfExists(file);
            throw e;
        }
    }

    static String segmentName(long start) {
        return String.format("%020d%s", start, SEGMENT_SUFFIX);
    }

    static List<Path> segments(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d{20}\\" + SEGMENT_SUFFIX)).sorted().toList();
        }
    }

    /** Keeps the bytes that could not be read as a record (for whoever wants to look) and cuts them off. */
    private static void moveTailAside(Path folder, Path segment, JournalReader.Scan scan) throws IOException {
        long fileOffset = SEGMENT_HEADER + (scan.end() - SegmentHeader.read(segment).start());
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            Path aside = folder.resolve("unfinished-" + scan.end() + "-" + System.currentTimeMillis() + ".tail");
            try (FileChannel out = FileChannel.open(aside, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                long copied = 0;
                while (copied < size - fileOffset) {
                    copied += channel.transferTo(fileOffset + copied, size - fileOffset - copied, out);
                }
                out.force(true);
            }
            Durably.syncFolder(folder);
            channel.truncate(fileOffset);
            channel.force(true);
        }
        JournalReader.log.warn("journal {}: an unfinished last record, never acknowledged ({}), was cut off at"
                + " position {}; its bytes are kept aside in {}", segment, scan.damage(), scan.end(), folder);
    }

    static DataFolderException damaged(Path segment, String what) {
        return new DataFolderException("journal segment " + segment + " " + what + ". Nothing was changed."
                + " Run 'java -jar hotline.jar check-data --recover' (with the server stopped) to keep every record"
                + " that can still be read and set the damaged ones aside, or restore the data folder from a backup.");
    }

    /** The first bytes of a segment: whose it is and where it starts. */
    record SegmentHeader(UUID id, long start) {
        static ByteBuffer encode(UUID id, long start) {
            ByteBuffer b = ByteBuffer.allocate(SEGMENT_HEADER).order(ByteOrder.LITTLE_ENDIAN);
            b.putLong(MAGIC).putInt(SEGMENT_FORMAT).putLong(id.getMostSignificantBits())
                    .putLong(id.getLeastSignificantBits()).putLong(start);
            CRC32C crc = new CRC32C();
            crc.update(b.array(), 0, b.position());
            b.putInt((int) crc.getValue()).flip();
            return b;
        }

        static SegmentHeader read(Path segment) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(SEGMENT_HEADER).order(ByteOrder.LITTLE_ENDIAN);
            try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
                while (b.hasRemaining() && channel.read(b, b.position()) >= 0) {
                    // read on
                }
            }
            if (b.hasRemaining()) {
                throw damaged(segment, "is shorter than its header");
            }
            b.flip();
            CRC32C crc = new CRC32C();
            crc.update(b.array(), 0, SEGMENT_HEADER - 4);
            long magic = b.getLong();
            int format = b.getInt();
            UUID id = new UUID(b.getLong(), b.getLong());
            long start = b.getLong();
            int stored = b.getInt();
            if (magic != MAGIC) {
                throw damaged(segment, "is not a Hotline 137 journal segment");
            }
            if (format != SEGMENT_FORMAT) {
                throw new DataFolderException("journal segment " + segment + " has format " + format
                        + " and this build reads " + SEGMENT_FORMAT + "; it is left as it is");
            }
            if (stored != (int) crc.getValue()) {
                throw damaged(segment, "has a damaged header");
            }
            return new SegmentHeader(id, start);
        }
    }
}
