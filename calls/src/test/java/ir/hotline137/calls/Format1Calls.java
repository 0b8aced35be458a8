package ir.hotline137.calls;

import java.nio.file.Path;
import java.util.List;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import org.mapdb.serializer.SerializerArrayTuple;

/** Writes a call log as Hotline 137 did before the journal (format 1), for the upgrade's tests. */
public final class Format1Calls {
    private Format1Calls() {
    }

    public static void write(Path file, List<CallRecord> calls) {
        DB db = DBMaker.fileDB(file.toFile()).transactionEnable().fileChannelEnable().make();
        db.atomicInteger("store-format").createOrOpen().set(1);
        var byStart = db.treeMap("calls-by-start", new SerializerArrayTuple(Serializer.LONG, Serializer.LONG),
                new CallRecordCodec()).createOrOpen();
        long sequence = 0;
        for (CallRecord call : calls) {
            byStart.put(new Object[] {call.startedAt().toEpochMilli(), ++sequence}, call);
        }
        db.atomicLong("sequence").createOrOpen().set(sequence);
        db.commit();
        db.close();
    }
}
