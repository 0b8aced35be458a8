package ir.hotline137.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads journal segments record by record, checking every record's length and checksum. */
final class JournalReader {
    static final Logger log = LoggerFactory.getLogger(Journal.class);

    private JournalReader() {
    }

    /** What reading one segment to its end found. */
    record Scan(long start, long end, long records, long damagedAt, String damage) {
    }

    /** Receives each record: the position it starts at and its payload. */
    @FunctionalInterface
    interface RecordVisitor {
        void record(long position, byte[] payload) throws IOException;
    }

    /**
     * Reads a segment until its end or its first unreadable record; {@code end} is where the last good record
     * ends, {@code damagedAt} where the bad one starts (-1 when none).
     */
    static Scan scanSegment(Path segment) throws IOException {
        long start = Journal.SegmentHeader.read(segment).start();
        return readSegment(segment, start, start, Long.MAX_VALUE, null);
    }

    /**
     * Visits the records from {@code from} (a record's start) up to {@code upTo} in every segment, in order.
     *
     * @throws DataFolderException when a record on the way cannot be read
     */
    static void read(Path folder, long from, long upTo, RecordVisitor visitor) throws IOException {
        List<Path> segments = Journal.segments(folder);
        for (int i = 0; i < segments.size(); i++) {
            Path segment = segments.get(i);
            long start = Journal.SegmentHeader.read(segment).start();
            long nextStart = i + 1 < segments.size() ? Journal.SegmentHeader.read(segments.get(i + 1)).start() : Long.MAX_VALUE;
            if (nextStart <= from || start >= upTo) {
                continue;
            }
            Scan scan = readSegment(segment, start, Math.max(from, start), upTo, visitor);
            if (scan.damagedAt() >= 0 && scan.damagedAt() < upTo) {
                throw Journal.damaged(segment, "has a damaged record at position " + scan.damagedAt() + ": " + scan.damage());
            }
        }
    }

    private static Scan readSegment(Path segment, long start, long from, long upTo, RecordVisitor visitor)
            throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
            long size = channel.size();
            // from is a record's start (or the segment's), so reading may begin right there
            long position = from;
            long records = 0;
            ByteBuffer header = ByteBuffer.allocate(Journal.RECORD_HEADER).order(ByteOrder.LITTLE_ENDIAN);
            while (position < upTo) {
                long offset = Journal.SEGMENT_HEADER + (position - start);
                if (offset == size) {
                    return new Scan(start, position, records, -1, null);
                }
                if (size - offset < Journal.RECORD_HEADER) {
                    return new Scan(start, position, records, position, "the file ends inside a record's header");
                }
                header.clear();
                readFully(channel, header, offset);
                header.flip();
                int length = header.getInt();
                int stored = header.getInt();
                if (length <= 0 || length > Journal.MAX_RECORD) {
                    return new Scan(start, position, records, position, "a record length of " + length + " bytes");
                }
                if (size - offset - Journal.RECORD_HEADER < length) {
                    return new Scan(start, position, records, position, "the file ends inside a record");
                }
                byte[] payload = new byte[length];
                readFully(channel, ByteBuffer.wrap(payload), offset + Journal.RECORD_HEADER);
                CRC32C crc = new CRC32C();
                crc.update(payload);
                if ((int) crc.getValue() != stored) {
                    return new Scan(start, position, records, position, "a record whose checksum does not match");
                }
                if (visitor != null && position >= from) {
                    visitor.record(position, payload);
                }
                records++;
                position += Journal.RECORD_HEADER + length;
            }
            return new Scan(start, position, records, -1, null);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long offset) throws IOException {
        long at = offset;
        while (into.hasRemaining()) {
            int n = channel.read(into, at);
            if (n < 0) {
                throw new IOException("unexpected end of file at " + at);
            }
            at += n;
        }
    }
}
