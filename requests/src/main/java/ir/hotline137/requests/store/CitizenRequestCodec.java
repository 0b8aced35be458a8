package ir.hotline137.requests.store;

import static ir.hotline137.store.StoredFields.readInstant;
import static ir.hotline137.store.StoredFields.readOptional;
import static ir.hotline137.store.StoredFields.readVersionUpTo;
import static ir.hotline137.store.StoredFields.writeInstant;
import static ir.hotline137.store.StoredFields.writeOptional;

import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.HistoryEntry;
import ir.hotline137.requests.HistoryWords;
import ir.hotline137.requests.Referral;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.Satisfaction;
import ir.hotline137.requests.Supporter;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.location.GeoPoint;
import ir.hotline137.requests.location.Location;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mapdb.DataInput2;
import org.mapdb.DataOutput2;
import org.mapdb.Serializer;

/**
 * The stored form of a request: explicit fields behind a record version byte, never Java serialisation,
 * so a stored request outlives a renamed class and an unknown version is refused, not misread.
 *
 * <p>Version 2 adds when a referral was made and acknowledged, when the result was given, how often the request
 * was reopened and the citizen's satisfaction. A version-1 record reads with its referral made at the time of the
 * last referral line in its history (its registration if none), acknowledged if it is being worked on, and no
 * result time: those were never recorded, and a figure counts only what was.
 *
 * <p>Version 3 adds where the problem is (a point, an address); older records have none.
 */
final class CitizenRequestCodec implements Serializer<CitizenRequest> {
    private static final int RECORD_VERSION = 3;

    @Override
    public void serialize(DataOutput2 out, CitizenRequest r) throws IOException {
        write(out, r);
    }

    @Override
    public CitizenRequest deserialize(DataInput2 in, int available) throws IOException {
        return read(in);
    }

    static void write(DataOutput out, CitizenRequest r) throws IOException {
        out.writeByte(RECORD_VERSION);
        out.writeUTF(r.code().value());
        out.writeLong(r.sequence());
        out.writeLong(r.revision());
        writeInstant(out, r.createdAt());
        writeOptional(out, r.callerNumber().map(CallerNumber::digits));
        out.writeInt(r.district());
        out.writeUTF(r.category());
        out.writeUTF(r.description());
        out.writeUTF(r.source().name());
        writeOptional(out, r.audioReference());
        out.writeUTF(r.status().name());
        out.writeInt(r.history().size());
        for (HistoryEntry h : r.history()) {
            writeInstant(out, h.at());
            out.writeUTF(h.actor());
            out.writeUTF(h.what());
        }
        out.writeInt(r.supporters().size());
        for (Supporter s : r.supporters()) {
            writeOptional(out, s.callerNumber().map(CallerNumber::digits));
            writeInstant(out, s.joinedAt());
        }
        writeOptional(out, r.duplicateOf().map(TrackingCode::value));
        out.writeBoolean(r.referral().isPresent());
        if (r.referral().isPresent()) {
            Referral referral = r.referral().get();
            out.writeUTF(referral.unit());
            writeOptional(out, Optional.ofNullable(referral.assignee()));
            out.writeLong(referral.deadline().toEpochDay());
            writeInstant(out, referral.referredAt());
            out.writeBoolean(referral.acknowledgedAt().isPresent());
            if (referral.acknowledgedAt().isPresent()) {
                writeInstant(out, referral.acknowledgedAt().get());
            }
        }
        writeOptional(out, r.result());
        out.writeBoolean(r.resultAt().isPresent());
        if (r.resultAt().isPresent()) {
            writeInstant(out, r.resultAt().get());
        }
        out.writeInt(r.reopened());
        out.writeBoolean(r.satisfaction().isPresent());
        if (r.satisfaction().isPresent()) {
            Satisfaction satisfaction = r.satisfaction().get();
            out.writeByte(satisfaction.score());
            out.writeByte(satisfaction.fixed().map(fixed -> fixed ? 1 : 0).orElse(2));
            writeInstant(out, satisfaction.at());
        }
        out.writeBoolean(r.location().isPresent());
        if (r.location().isPresent()) {
            Location location = r.location().get();
            out.writeBoolean(location.point().isPresent());
            if (location.point().isPresent()) {
                out.writeDouble(location.point().get().latitude());
                out.writeDouble(location.point().get().longitude());
            }
            writeOptional(out, location.address());
        }
    }

    static CitizenRequest read(DataInput in) throws IOException {
        int version = readVersionUpTo(in, RECORD_VERSION, "request");
        TrackingCode code = new TrackingCode(in.readUTF());
        long sequence = in.readLong();
        long revision = in.readLong();
        Instant createdAt = readInstant(in);
        Optional<CallerNumber> caller = readOptional(in).map(CallerNumber::new);
        int district = in.readInt();
        String category = in.readUTF();
        String description = in.readUTF();
        RequestSource source = RequestSource.valueOf(in.readUTF());
        Optional<String> audio = readOptional(in);
        RequestStatus status = RequestStatus.valueOf(in.readUTF());
        int historySize = in.readInt();
        List<HistoryEntry> history = new ArrayList<>(historySize);
        for (int i = 0; i < historySize; i++) {
            history.add(new HistoryEntry(readInstant(in), in.readUTF(), in.readUTF()));
        }
        int supporterCount = in.readInt();
        List<Supporter> supporters = new ArrayList<>(supporterCount);
        for (int i = 0; i < supporterCount; i++) {
            supporters.add(new Supporter(readOptional(in).map(CallerNumber::new), readInstant(in)));
        }
        Optional<TrackingCode> duplicateOf = readOptional(in).map(TrackingCode::new);
        Optional<Referral> referral = Optional.empty();
        if (in.readBoolean()) {
            String unit = in.readUTF();
            String assignee = readOptional(in).orElse(null);
            LocalDate deadline = LocalDate.ofEpochDay(in.readLong());
            if (version >= 2) {
                Instant referredAt = readInstant(in);
                Optional<Instant> acknowledgedAt = in.readBoolean() ? Optional.of(readInstant(in)) : Optional.empty();
                referral = Optional.of(new Referral(unit, assignee, deadline, referredAt, acknowledgedAt));
            } else {
                Instant referredAt = history.stream().filter(h -> HistoryWords.isReferral(h.what()))
                        .map(HistoryEntry::at).reduce((first, last) -> last).orElse(createdAt);
                referral = Optional.of(new Referral(unit, assignee, deadline, referredAt,
                        status == RequestStatus.REFERRED ? Optional.empty() : Optional.of(referredAt)));
            }
        }
        Optional<String> result = readOptional(in);
        Optional<Instant> resultAt = Optional.empty();
        int reopened = 0;
        Optional<Satisfaction> satisfaction = Optional.empty();
        if (version >= 2) {
            resultAt = in.readBoolean() ? Optional.of(readInstant(in)) : Optional.empty();
            reopened = in.readInt();
            if (in.readBoolean()) {
                int score = in.readUnsignedByte();
                int fixed = in.readUnsignedByte();
                satisfaction = Optional.of(new Satisfaction(score, fixed == 2 ? Optional.empty() : Optional.of(fixed == 1),
                        readInstant(in)));
            }
        }
        Optional<Location> location = Optional.empty();
        if (version >= 3 && in.readBoolean()) {
            Optional<GeoPoint> point = in.readBoolean()
                    ? Optional.of(new GeoPoint(in.readDouble(), in.readDouble())) : Optional.empty();
            location = Optional.of(new Location(point, readOptional(in)));
        }
        return new CitizenRequest(code, sequence, revision, createdAt, caller, district, category, description,
                source, audio, status, history, supporters, duplicateOf, referral, result, resultAt, reopened,
                satisfaction, location);
    }
}
