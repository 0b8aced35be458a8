package ir.hotline137.requests.store;

import ir.hotline137.requests.CitizenRequest;
import java.nio.file.Path;
import java.util.List;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/** Writes citizen requests as Hotline 137 did before the journal (format 1), for the upgrade's tests. */
public final class Format1Requests {
    private Format1Requests() {
    }

    public static void write(Path file, List<CitizenRequest> requests) {
        DB db = DBMaker.fileDB(file.toFile()).transactionEnable().fileChannelEnable().make();
        db.atomicInteger("store-format").createOrOpen().set(1);
        var byCode = db.hashMap("requests", Serializer.STRING, new CitizenRequestCodec()).createOrOpen();
        var bySequence = db.treeMap("by-sequence", Serializer.LONG, Serializer.STRING).createOrOpen();
        for (CitizenRequest r : requests) {
            byCode.put(r.code().value(), r);
            bySequence.put(r.sequence(), r.code().value());
        }
        db.commit();
        db.close();
    }
}
