package ir.hotline137.requests.store;

import static ir.hotline137.store.StoredFields.writeInstant;
import static ir.hotline137.store.StoredFields.writeOptional;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.HistoryEntry;
import ir.hotline137.requests.Referral;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.Satisfaction;
import ir.hotline137.requests.Supporter;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.location.GeoPoint;
import ir.hotline137.requests.location.Location;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A request survives its stored form with every field, and a record written before the follow-up fields (version
 * 1) still reads: its referral made when its history says, nothing invented for what was never recorded.
 */
class CitizenRequestCodecTest {
    private static final Instant AT = Instant.parse("2026-12-01T06:30:00Z");
    private static final TrackingCode CODE = TrackingCode.random(new Random(3));

    @Test
    void everyFieldComesBack() throws IOException {
        CitizenRequest request = new CitizenRequest(CODE, 7, 12, AT, Optional.of(new CallerNumber("09121234567")), 6,
                "lighting", "چراغ کوچه خاموش است", RequestSource.IVR_SPEECH, Optional.of("/rec/a.wav"),
                RequestStatus.IN_PROGRESS, List.of(new HistoryEntry(AT, "ivr", "ثبت شد")),
                List.of(new Supporter(Optional.empty(), AT.plusSeconds(60))), Optional.empty(),
                Optional.of(new Referral("روشنایی منطقه ۶", "آقای کریمی", LocalDate.of(2026, 12, 8),
                        AT.plusSeconds(3600), Optional.of(AT.plusSeconds(7200)))),
                Optional.of("لامپ عوض شد"), Optional.of(AT.plusSeconds(86_400)), 1,
                Optional.of(new Satisfaction(2, Optional.of(false), AT.plusSeconds(90_000))),
                Optional.of(new Location(Optional.of(new GeoPoint(35.6892, 51.3890)), Optional.of("خیابان سعدی"))));

        assertThat(roundTrip(request)).isEqualTo(request);
        CitizenRequest addressOnly = new CitizenRequest(CODE, 7, 12, AT, Optional.empty(), 6, "lighting", "x",
                RequestSource.API, Optional.empty(), RequestStatus.REGISTERED, List.of(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty(),
                Optional.of(new Location(Optional.empty(), Optional.of("میدان انقلاب"))));
        assertThat(roundTrip(addressOnly)).isEqualTo(addressOnly);
        CitizenRequest unanswered = new CitizenRequest(CODE, 7, 12, AT, Optional.empty(), 6, "lighting", "x",
                RequestSource.AGENT, Optional.empty(), RequestStatus.RESOLVED, List.of(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0,
                Optional.of(new Satisfaction(5, Optional.empty(), AT)), Optional.empty());
        assertThat(roundTrip(unanswered)).isEqualTo(unanswered);
    }

    @Test
    void aVersionOneRecordReadsWithItsReferralTimeFromItsHistory() throws IOException {
        Instant referredAt = AT.plusSeconds(600);
        byte[] v1 = versionOne(RequestStatus.IN_PROGRESS, List.of(
                new HistoryEntry(AT, "ivr", "registered (ivr_speech)"),
                new HistoryEntry(referredAt, "maryam", "referred to روشنایی منطقه ۶ by 2026-12-08"),
                new HistoryEntry(AT.plusSeconds(900), "maryam", "وضعیت تغییر کرد")));

        CitizenRequest read = CitizenRequestCodec.read(new DataInputStream(new ByteArrayInputStream(v1)));

        assertThat(read.referral()).hasValueSatisfying(referral -> {
            assertThat(referral.unit()).isEqualTo("روشنایی منطقه ۶");
            assertThat(referral.referredAt()).isEqualTo(referredAt);
            assertThat(referral.acknowledgedAt()).as("being worked on, so acknowledged").isPresent();
        });
        assertThat(read.resultAt()).as("never recorded").isEmpty();
        assertThat(read.reopened()).isZero();
        assertThat(read.satisfaction()).isEmpty();
        assertThat(roundTrip(read)).as("written again as the newest version").isEqualTo(read);
    }

    @Test
    void anUnknownVersionIsRefused() {
        byte[] future = {9};
        assertThatThrownBy(() -> CitizenRequestCodec.read(new DataInputStream(new ByteArrayInputStream(future))))
                .isInstanceOf(IOException.class).hasMessageContaining("record version 9");
    }

    private static CitizenRequest roundTrip(CitizenRequest request) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CitizenRequestCodec.write(new DataOutputStream(bytes), request);
        return CitizenRequestCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    /** The layout version 1 wrote, field by field, as the codec before the follow-up fields did. */
    private static byte[] versionOne(RequestStatus status, List<HistoryEntry> history) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(1);
        out.writeUTF(CODE.value());
        out.writeLong(1);
        out.writeLong(3);
        writeInstant(out, AT);
        writeOptional(out, Optional.of("09121234567"));
        out.writeInt(6);
        out.writeUTF("lighting");
        out.writeUTF("چراغ کوچه خاموش است");
        out.writeUTF(RequestSource.IVR_SPEECH.name());
        writeOptional(out, Optional.empty());
        out.writeUTF(status.name());
        out.writeInt(history.size());
        for (HistoryEntry h : history) {
            writeInstant(out, h.at());
            out.writeUTF(h.actor());
            out.writeUTF(h.what());
        }
        out.writeInt(0);
        writeOptional(out, Optional.empty());
        out.writeBoolean(true);
        out.writeUTF("روشنایی منطقه ۶");
        writeOptional(out, Optional.empty());
        out.writeLong(LocalDate.of(2026, 12, 8).toEpochDay());
        writeOptional(out, Optional.empty());
        return bytes.toByteArray();
    }
}
