package ir.hotline137.mayor.meeting;

import static ir.hotline137.store.StoredFields.writeInstant;
import static ir.hotline137.store.StoredFields.writeOptional;
import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.requests.TrackingCode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mapdb.DataInput2;
import org.mapdb.DataOutput2;

/**
 * Meetings and registrations survive their stored form with every field, and ones written before places and turns
 * were kept (version 1) still read: the follow-up time their kind had then, places enough for anyone, no turn.
 */
class MeetingCodecsTest {
    private static final Instant AT = Instant.parse("2026-12-01T06:30:00Z");
    private static final TrackingCode EARLIER = TrackingCode.random(new Random(3));
    private static final TrackingCode MADE = TrackingCode.random(new Random(4));
    private static final LocalDateTime DAY = LocalDateTime.of(2026, 12, 12, 10, 0);

    @Test
    void aMeetingAndARegistrationComeBackWithEveryField() throws IOException {
        Meeting meeting = new Meeting(4, MeetingKind.MARDOM_SALAM, "مردم سلام", DAY, "مسجد محل", Optional.of(6),
                List.of("معاون خدمات شهری", "شهردار منطقهٔ ۶"), Map.of("معاون خدمات شهری", 3, "شهردار منطقهٔ ۶", 12),
                Duration.ofMinutes(15), 90, DAY.minusDays(7), DAY.minusDays(3), "boss", AT);
        MapDbMeetings.MeetingCodec meetings = new MapDbMeetings.MeetingCodec();
        DataOutput2 out = new DataOutput2();
        meetings.serialize(out, meeting);
        assertThat(meetings.deserialize(new DataInput2.ByteArray(out.copyBytes()), -1)).isEqualTo(meeting);

        Registration registration = new Registration(9, 4, Optional.of("09121230001"), 6, "پروانهٔ ساخت",
                RegistrationSource.VENUE, AT, "maryam", RegistrationStatus.HEARD, Optional.of("شهردار منطقهٔ ۶"),
                Optional.of(3), Optional.empty(), Optional.of(EARLIER), Optional.of(MADE));
        MapDbMeetings.RegistrationCodec registrations = new MapDbMeetings.RegistrationCodec();
        out = new DataOutput2();
        registrations.serialize(out, registration);
        assertThat(registrations.deserialize(new DataInput2.ByteArray(out.copyBytes()), -1)).isEqualTo(registration);
    }

    @Test
    void versionOneRecordsReadWithTheirKindsFollowUpAndNoTurn() throws IOException {
        DataOutput2 out = new DataOutput2();
        out.writeByte(1);
        out.writeLong(4);
        out.writeUTF(MeetingKind.MARDOM_SALAM.name());
        out.writeUTF("مردم سلام");
        out.writeUTF(DAY.toString());
        out.writeUTF("مسجد محل");
        out.writeInt(-1);
        out.writeInt(1);
        out.writeUTF("شهردار منطقهٔ ۶");
        out.writeUTF(DAY.minusDays(7).toString());
        out.writeUTF(DAY.minusDays(3).toString());
        out.writeUTF("boss");
        writeInstant(out, AT);
        Meeting meeting = new MapDbMeetings.MeetingCodec().deserialize(new DataInput2.ByteArray(out.copyBytes()), -1);
        assertThat(meeting.followUpDays()).as("three months, as «مردم سلام» had then").isEqualTo(90);
        assertThat(meeting.slots()).containsEntry("شهردار منطقهٔ ۶", MeetingSettings.MOST_SLOTS);
        assertThat(meeting.district()).isEmpty();
        assertThat(meeting.registrationCloses()).isEqualTo(DAY.minusDays(3));

        out = new DataOutput2();
        out.writeByte(1);
        out.writeLong(9);
        out.writeLong(4);
        writeOptional(out, Optional.of("09121230001"));
        out.writeInt(6);
        out.writeUTF("پروانهٔ ساخت");
        out.writeUTF(RegistrationSource.AGENT.name());
        writeInstant(out, AT);
        out.writeUTF("maryam");
        out.writeUTF(RegistrationStatus.ROUTED.name());
        writeOptional(out, Optional.of("شهردار منطقهٔ ۶"));
        writeOptional(out, Optional.empty());
        writeOptional(out, Optional.of(EARLIER.value()));
        writeOptional(out, Optional.empty());
        Registration read = new MapDbMeetings.RegistrationCodec()
                .deserialize(new DataInput2.ByteArray(out.copyBytes()), -1);
        assertThat(read.official()).contains("شهردار منطقهٔ ۶");
        assertThat(read.turn()).as("never given").isEmpty();
        assertThat(read.earlier()).contains(EARLIER);
        assertThat(meeting.timeOf(read.turn().orElse(1))).as("expected at the start").isEqualTo(DAY);
    }
}
