package ir.hotline137.mayor.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.mayor.MayorSettings;
import ir.hotline137.outbound.outbox.Channel;
import ir.hotline137.outbound.outbox.MapDbOutbox;
import ir.hotline137.outbound.outbox.NoticeKind;
import ir.hotline137.outbound.outbox.Notification;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.requests.Desks;
import ir.hotline137.testsupport.MutableClock;
import ir.hotline137.testsupport.ShippedSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registrants are told what the committees decided, once each: the invited the day, time and place (and again the
 * day before), the declined why; nothing for a landline or a matter not yet decided, nothing after the meeting.
 */
class MeetingInvitationsTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    /** Saturday 5 December 2026, 10:00 in Tehran. */
    private static final Instant SATURDAY = Instant.parse("2026-12-05T06:30:00Z");

    @TempDir
    Path dir;

    @Test
    void theInvitedAreToldDayTimeAndPlaceAndRemindedTheDayBeforeAndTheDeclinedWhy() throws Exception {
        MutableClock clock = new MutableClock(SATURDAY, TEHRAN);
        try (Desks desks = new Desks(dir, clock)) {
            MeetingDesk meetings = meetingDesk(desks, clock);
            Outbox outbox = MapDbOutbox.open(desks.storage);
            MeetingInvitations invitations = new MeetingInvitations(meetings, outbox, Set.of(Channel.SMS), TEHRAN);
            LocalDateTime now = LocalDateTime.ofInstant(SATURDAY, TEHRAN);
            Meeting meeting = meetings.create(new MeetingDesk.MeetingDraft(MeetingKind.PUBLIC_MEETING,
                    "دیدار مردمی با شهردار", LocalDateTime.of(2026, 12, 12, 10, 0), "تالار شهر", Optional.of(6),
                    List.of("معاون شهرسازی"), now.minusDays(1), now.plusDays(3)), "boss");
            Registration invited = meetings.register(meeting.id(), Optional.of("09121230001"), 6, "پروانهٔ ساخت",
                    RegistrationSource.AGENT, "maryam");
            Registration declined = meetings.register(meeting.id(), Optional.of("09121230002"), 6, "سد معبر",
                    RegistrationSource.AGENT, "maryam");
            Registration landline = meetings.register(meeting.id(), Optional.of("02155550003"), 6, "آب گرفتگی",
                    RegistrationSource.AGENT, "maryam");
            Registration pending = meetings.register(meeting.id(), Optional.of("09121230004"), 6, "هنوز بررسی نشده",
                    RegistrationSource.AGENT, "maryam");
            meetings.route(meeting.id(), landline.id(), "معاون شهرسازی", "host");
            meetings.route(meeting.id(), invited.id(), "معاون شهرسازی", "host");
            meetings.decline(meeting.id(), declined.id(), "به واحد سد معبر ارجاع شد", "host");

            assertThat(invitations.make(clock.instant())).isEqualTo(2);
            assertThat(invitations.make(clock.instant())).as("once each").isZero();
            List<Notification> told = outbox.due(clock.instant(), 10);
            assertThat(told).extracting(Notification::to).containsExactlyInAnyOrder("09121230001", "09121230002");
            assertThat(told).filteredOn(n -> n.kind() == NoticeKind.INVITATION).singleElement()
                    .extracting(Notification::text).asString()
                    .as("the second turn, ten minutes after the start")
                    .contains("«دیدار مردمی با شهردار»", "۱۴۰۵/۰۹/۲۱", "ساعت ۱۰:۱۰", "تالار شهر");
            assertThat(told).filteredOn(n -> n.kind() == NoticeKind.MEETING_DECLINED).singleElement()
                    .extracting(Notification::text).asString().contains("به واحد سد معبر ارجاع شد");

            clock.advance(Duration.ofDays(6));
            assertThat(invitations.make(clock.instant())).as("the day before").isEqualTo(1);
            assertThat(outbox.due(clock.instant(), 10)).filteredOn(n -> n.kind() == NoticeKind.MEETING_REMINDER)
                    .singleElement().extracting(Notification::text).asString().startsWith("سامانهٔ ۱۳۷، یادآوری: فردا")
                    .contains("ساعت ۱۰:۱۰");
            clock.advance(Duration.ofDays(2));
            meetings.route(meeting.id(), pending.id(), "معاون شهرسازی", "host");
            assertThat(invitations.make(clock.instant())).as("after the meeting, nothing").isZero();
        }
    }

    @Test
    void eachOfficialSeesAsManyAsTheirPlacesInTurnAndAFreedTurnIsGivenAgain() throws Exception {
        MutableClock clock = new MutableClock(SATURDAY, TEHRAN);
        try (Desks desks = new Desks(dir, clock)) {
            MeetingDesk meetings = meetingDesk(desks, clock);
            LocalDateTime now = LocalDateTime.ofInstant(SATURDAY, TEHRAN);
            Meeting meeting = meetings.create(new MeetingDesk.MeetingDraft(MeetingKind.MARDOM_SALAM, "مردم سلام",
                    LocalDateTime.of(2026, 12, 12, 9, 0), "مسجد محل", Optional.empty(),
                    List.of("معاون خدمات شهری", "شهردار منطقهٔ ۶"), Map.of("شهردار منطقهٔ ۶", 2), Optional.empty(),
                    Optional.of(Duration.ofMinutes(15)), now.minusDays(1), now.plusDays(3)), "boss");
            assertThat(meeting.slots()).as("the setting's, but where the supervisor said otherwise")
                    .containsEntry("معاون خدمات شهری", ShippedSettings.load()
                            .integer("hotline.mayor.meetings.slots-per-official"))
                    .containsEntry("شهردار منطقهٔ ۶", 2);
            assertThat(meeting.followUpDays()).isEqualTo(ShippedSettings.load()
                    .integer("hotline.mayor.meetings.follow-up-days.MARDOM_SALAM"));
            List<Registration> citizens = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                citizens.add(meetings.register(meeting.id(), Optional.of("0912123000" + i), 6, "موضوع " + i,
                        RegistrationSource.AGENT, "maryam"));
            }
            String manager = "شهردار منطقهٔ ۶";
            assertThat(meetings.route(meeting.id(), citizens.get(0).id(), manager, "host").turn()).contains(1);
            assertThat(meetings.route(meeting.id(), citizens.get(1).id(), manager, "host").turn()).contains(2);
            assertThat(meetings.route(meeting.id(), citizens.get(1).id(), manager, "host").turn())
                    .as("routed to the same official again: the same turn").contains(2);
            assertThatThrownBy(() -> meetings.route(meeting.id(), citizens.get(2).id(), manager, "host"))
                    .isInstanceOfSatisfying(MeetingRefused.class, e -> assertThat(e.code()).isEqualTo("official-full"));
            assertThat(meetings.expectedAt(citizens.get(1).id())).contains(LocalDateTime.of(2026, 12, 12, 9, 15));

            assertThatThrownBy(() -> meetings.route(meeting.id(), citizens.get(0).id(), "معاون خدمات شهری", "host"))
                    .as("invited for a turn: not moved to another official")
                    .isInstanceOfSatisfying(MeetingRefused.class, e -> assertThat(e.code()).isEqualTo("already-routed"));
            Outbox outbox = MapDbOutbox.open(desks.storage);
            MeetingInvitations invitations = new MeetingInvitations(meetings, outbox, Set.of(Channel.SMS, Channel.CALL),
                    TEHRAN);
            invitations.make(clock.instant());
            meetings.decline(meeting.id(), citizens.get(0).id(), "پاسخ پیش‌تر داده شده", "host");
            assertThat(outbox.due(clock.instant(), 20)).filteredOn(n -> n.kind() == NoticeKind.INVITATION)
                    .hasSize(4).allSatisfy(n -> assertThat(invitations.stillStands(n))
                            .as("%s: an invitation stands while its citizen is routed", n.key())
                            .isEqualTo(!MeetingInvitations.registrationOf(n).orElseThrow().equals(citizens.get(0).id())));
            assertThat(meetings.route(meeting.id(), citizens.get(2).id(), manager, "host").turn())
                    .as("the first turn, freed by the one declined").contains(1);
            assertThat(meetings.placesTaken(meeting.id())).containsEntry(manager, 2).containsEntry("معاون خدمات شهری", 0);
            assertThat(meetings.expectedAt(citizens.get(0).id())).as("declined: expected nowhere").isEmpty();
        }
    }

    private static MeetingDesk meetingDesk(Desks desks, MutableClock clock) {
        ShippedSettings shipped = ShippedSettings.load();
        return new MeetingDesk(MapDbMeetings.open(desks.storage), desks.desk, new MayorSettings(30, TEHRAN),
                new MeetingSettings(shipped.integers("hotline.mayor.meetings.follow-up-days").entrySet().stream()
                        .collect(Collectors.toMap(e -> MeetingKind.valueOf(e.getKey()), Map.Entry::getValue)),
                        shipped.integer("hotline.mayor.meetings.slots-per-official"),
                        shipped.duration("hotline.mayor.meetings.per-citizen")), clock);
    }
}
