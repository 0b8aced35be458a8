package ir.hotline137.mayor.meeting;

import static ir.hotline137.store.StoredFields.readInstant;
import static ir.hotline137.store.StoredFields.readOptional;
import static ir.hotline137.store.StoredFields.readVersionUpTo;
import static ir.hotline137.store.StoredFields.writeInstant;
import static ir.hotline137.store.StoredFields.writeOptional;

import ir.hotline137.requests.TrackingCode;
import ir.hotline137.store.DurableMap;
import ir.hotline137.store.MapFile;
import ir.hotline137.store.Storage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.mapdb.DataInput2;
import org.mapdb.DataOutput2;
import org.mapdb.Serializer;
import org.mapdb.serializer.GroupSerializerObjectArray;
import org.mapdb.serializer.SerializerArrayTuple;

/** The meetings and their registrations, in meetings.mapdb, in the data folder's journal like everything else kept. */
public final class MapDbMeetings implements Meetings {
    /** The maps of meetings.mapdb; a file of another format is rebuilt from the journal. */
    private static final int FILE_FORMAT = 1;
    private static final String NEXT_MEETING = "meeting";
    private static final String NEXT_REGISTRATION = "registration";

    private final Storage storage;
    private final DurableMap<Long, Meeting> meetings;
    private final DurableMap<Long, Registration> registrations;
    private final DurableMap<Object[], Boolean> byMeeting;
    private final DurableMap<String, Long> counters;
    /** One process holds the data folder: a lock of its own is every node's there is. */
    private final ReentrantLock exclusive = new ReentrantLock();

    private MapDbMeetings(Storage storage) {
        this.storage = storage;
        MapFile file = new MapFile("meetings.mapdb", FILE_FORMAT);
        this.meetings = file.treeMap("meetings", Serializer.LONG, new MeetingCodec());
        this.registrations = file.treeMap("registrations", Serializer.LONG, new RegistrationCodec());
        this.byMeeting = file.treeMap("registrations-by-meeting",
                new SerializerArrayTuple(Serializer.LONG, Serializer.LONG), Serializer.BOOLEAN);
        this.counters = file.hashMap("meeting-counters", Serializer.STRING, Serializer.LONG);
        storage.attach(file);
    }

    public static MapDbMeetings open(Storage storage) {
        return new MapDbMeetings(storage);
    }

    @Override
    public Meeting add(Meeting meeting) {
        return storage.write(tx -> {
            Meeting numbered = meeting.numbered(tx.increment(counters, NEXT_MEETING));
            tx.put(meetings, numbered.id(), numbered);
            return numbered;
        });
    }

    @Override
    public Optional<Meeting> meeting(long id) {
        return Optional.ofNullable(meetings.get(id));
    }

    @Override
    public List<Meeting> meetings() {
        List<Meeting> all = new ArrayList<>(meetings.view().values());
        all.sort(Comparator.comparing(Meeting::at).thenComparing(Meeting::id));
        return all;
    }

    @Override
    public Registration register(Registration registration) {
        return storage.write(tx -> {
            Registration numbered = registration.numbered(tx.increment(counters, NEXT_REGISTRATION));
            tx.put(registrations, numbered.id(), numbered);
            tx.put(byMeeting, new Object[] {numbered.meetingId(), numbered.id()}, true);
            return numbered;
        });
    }

    @Override
    public Optional<Registration> registration(long id) {
        return Optional.ofNullable(registrations.get(id));
    }

    @Override
    public List<Registration> registrations(long meetingId) {
        List<Registration> found = new ArrayList<>();
        for (Object[] key : byMeeting.prefix(new Object[] {meetingId}).keySet()) {
            Registration registration = registrations.get((Long) key[1]);
            if (registration != null) {
                found.add(registration);
            }
        }
        return found;
    }

    @Override
    public Registration update(long id, UnaryOperator<Registration> change) {
        return storage.write(tx -> {
            Registration current = tx.get(registrations, id);
            if (current == null) {
                throw new IllegalArgumentException("no registration " + id);
            }
            Registration changed = change.apply(current);
            tx.put(registrations, id, changed);
            return changed;
        });
    }

    @Override
    public <T> T exclusively(long meetingId, Supplier<T> work) {
        exclusive.lock();
        try {
            return work.get();
        } finally {
            exclusive.unlock();
        }
    }

    static final class MeetingCodec extends GroupSerializerObjectArray<Meeting> {
        /** 2 added each official's places, the time per citizen and the follow-up days. */
        private static final int VERSION = 2;
        /**
         * A version-1 meeting promised its kind's follow-up time of then, and no places or times: it is read with
         * places enough for anyone, and ten minutes for each citizen routed from now on.
         */
        private static final int V1_SLOTS = MeetingSettings.MOST_SLOTS;
        private static final Duration V1_PER_CITIZEN = Duration.ofMinutes(10);

        @Override
        public void serialize(DataOutput2 out, Meeting m) throws IOException {
            out.writeByte(VERSION);
            out.writeLong(m.id());
            out.writeUTF(m.kind().name());
            out.writeUTF(m.title());
            out.writeUTF(m.at().toString());
            out.writeUTF(m.place());
            out.writeInt(m.district().orElse(-1));
            out.writeInt(m.officials().size());
            for (String official : m.officials()) {
                out.writeUTF(official);
                out.writeInt(m.slots().get(official));
            }
            out.writeLong(m.perCitizen().toSeconds());
            out.writeInt(m.followUpDays());
            out.writeUTF(m.registrationOpens().toString());
            out.writeUTF(m.registrationCloses().toString());
            out.writeUTF(m.createdBy());
            writeInstant(out, m.createdAt());
        }

        @Override
        public Meeting deserialize(DataInput2 in, int available) throws IOException {
            int version = readVersionUpTo(in, VERSION, "meeting");
            long id = in.readLong();
            MeetingKind kind = MeetingKind.valueOf(in.readUTF());
            String title = in.readUTF();
            LocalDateTime at = LocalDateTime.parse(in.readUTF());
            String place = in.readUTF();
            int district = in.readInt();
            int count = in.readInt();
            List<String> officials = new ArrayList<>(count);
            Map<String, Integer> slots = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String official = in.readUTF();
                officials.add(official);
                slots.put(official, version == 1 ? V1_SLOTS : in.readInt());
            }
            Duration perCitizen = version == 1 ? V1_PER_CITIZEN : Duration.ofSeconds(in.readLong());
            int followUpDays = version == 1 ? (kind == MeetingKind.MARDOM_SALAM ? 90 : 30) : in.readInt();
            return new Meeting(id, kind, title, at, place, district < 0 ? Optional.empty() : Optional.of(district),
                    officials, slots, perCitizen, followUpDays, LocalDateTime.parse(in.readUTF()),
                    LocalDateTime.parse(in.readUTF()), in.readUTF(), readInstant(in));
        }
    }

    static final class RegistrationCodec extends GroupSerializerObjectArray<Registration> {
        /** 2 added the turn. */
        private static final int VERSION = 2;

        @Override
        public void serialize(DataOutput2 out, Registration r) throws IOException {
            out.writeByte(VERSION);
            out.writeLong(r.id());
            out.writeLong(r.meetingId());
            writeOptional(out, r.callerNumber());
            out.writeInt(r.district());
            out.writeUTF(r.matter());
            out.writeUTF(r.source().name());
            writeInstant(out, r.registeredAt());
            out.writeUTF(r.registeredBy());
            out.writeUTF(r.status().name());
            writeOptional(out, r.official());
            out.writeInt(r.turn().orElse(0));
            writeOptional(out, r.reason());
            writeOptional(out, r.earlier().map(TrackingCode::value));
            writeOptional(out, r.referred().map(TrackingCode::value));
        }

        @Override
        public Registration deserialize(DataInput2 in, int available) throws IOException {
            int version = readVersionUpTo(in, VERSION, "registration");
            long id = in.readLong();
            long meetingId = in.readLong();
            Optional<String> callerNumber = readOptional(in);
            int district = in.readInt();
            String matter = in.readUTF();
            RegistrationSource source = RegistrationSource.valueOf(in.readUTF());
            Instant registeredAt = readInstant(in);
            String registeredBy = in.readUTF();
            RegistrationStatus status = RegistrationStatus.valueOf(in.readUTF());
            Optional<String> official = readOptional(in);
            // A version-1 registration routed before turns were kept is heard in the order it came.
            int turn = version == 1 ? 0 : in.readInt();
            return new Registration(id, meetingId, callerNumber, district, matter, source, registeredAt, registeredBy,
                    status, official, turn > 0 ? Optional.of(turn) : Optional.empty(), readOptional(in),
                    readOptional(in).map(TrackingCode::new),
                    readOptional(in).map(TrackingCode::new));
        }
    }
}
