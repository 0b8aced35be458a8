package ir.hotline137.mayor.log;

import java.nio.file.Path;
import java.util.List;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import org.mapdb.serializer.SerializerArrayTuple;

/** Writes a mayor session log as Hotline 137 did before the journal (format 1), for the upgrade's tests. */
public final class Format1Sessions {
    private Format1Sessions() {
    }

    public static void write(Path file, SessionRecord session, List<SessionCaller> callers, List<Directive> directives) {
        DB db = DBMaker.fileDB(file.toFile()).transactionEnable().fileChannelEnable().make();
        db.atomicInteger("store-format").createOrOpen().set(1);
        db.hashMap("sessions", Serializer.STRING, new MayorRecordCodecs.Sessions()).createOrOpen().put(session.id(), session);
        var byCall = db.treeMap("callers", new SerializerArrayTuple(Serializer.STRING, Serializer.STRING),
                new MayorRecordCodecs.Callers()).createOrOpen();
        callers.forEach(c -> byCall.put(new Object[] {c.sessionId(), c.callId()}, c));
        var given = db.treeMap("directives", new SerializerArrayTuple(Serializer.STRING, Serializer.LONG),
                new MayorRecordCodecs.Directives()).createOrOpen();
        long sequence = 0;
        for (Directive d : directives) {
            given.put(new Object[] {d.sessionId(), ++sequence}, d);
        }
        db.commit();
        db.close();
    }
}
