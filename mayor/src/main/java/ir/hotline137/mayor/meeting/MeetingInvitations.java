package ir.hotline137.mayor.meeting;

import ir.hotline137.outbound.dispatch.NoticeSource;
import ir.hotline137.outbound.outbox.MapDbOutbox;
import ir.hotline137.outbound.outbox.NoticeKind;
import ir.hotline137.outbound.outbox.Notification;
import ir.hotline137.requests.HistoryWords;
import ir.hotline137.requests.PersianDigits;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * What the 137 centre tells registrants, derived from the registrations as they stand: a citizen routed to an
 * official is invited (day, time, place), and reminded the day before; a declined one is told why. Each is kept in
 * the outbox under a key of its own (meeting, registration, what), so looking again, or after a restart, sends
 * nothing twice; they go as SMS to mobile numbers, within calling hours, like every notice.
 */
public final class MeetingInvitations implements NoticeSource {
    private static final Pattern MOBILE = Pattern.compile("09\\d{9}");

    private final MeetingDesk meetings;
    private final MapDbOutbox outbox;
    private final ZoneId zone;

    public MeetingInvitations(MeetingDesk meetings, MapDbOutbox outbox, ZoneId zone) {
        this.meetings = meetings;
        this.outbox = outbox;
        this.zone = zone;
    }

    @Override
    public int make(Instant now) {
        LocalDateTime here = LocalDateTime.ofInstant(now, zone);
        int made = 0;
        for (Meeting meeting : meetings.meetings()) {
            if (!meeting.at().isAfter(here)) {
                continue;
            }
            boolean dayBefore = here.toLocalDate().equals(meeting.at().toLocalDate().minusDays(1));
            for (Registration registration : meetings.registrations(meeting.id())) {
                String to = registration.callerNumber().filter(n -> MOBILE.matcher(n).matches()).orElse(null);
                if (to == null) {
                    continue;
                }
                String key = "meeting|" + meeting.id() + "|" + registration.id() + "|";
                switch (registration.status()) {
                    case ROUTED -> {
                        made += keep(key + "INVITED", NoticeKind.INVITATION, to, invitation(meeting), now);
                        if (dayBefore) {
                            made += keep(key + "REMINDED", NoticeKind.MEETING_REMINDER, to, reminder(meeting), now);
                        }
                    }
                    case DECLINED -> made += keep(key + "DECLINED", NoticeKind.MEETING_DECLINED, to,
                            declined(meeting, registration.reason().orElse("")), now);
                    default -> {
                        // nothing to tell yet, or told at the meeting
                    }
                }
            }
        }
        return made;
    }

    private int keep(String key, NoticeKind kind, String to, String text, Instant now) {
        return outbox.addOne(Notification.withoutRequest(key + "|SMS", kind, to, text, now)).isPresent() ? 1 : 0;
    }

    private static String invitation(Meeting meeting) {
        return "سامانهٔ ۱۳۷: شما به «" + meeting.title() + "» دعوت شده‌اید: " + when(meeting) + "، " + meeting.place()
                + ". لطفاً کارت شناسایی همراه داشته باشید.";
    }

    private static String reminder(Meeting meeting) {
        return "سامانهٔ ۱۳۷، یادآوری: فردا «" + meeting.title() + "»، " + when(meeting) + "، " + meeting.place() + ".";
    }

    private static String declined(Meeting meeting, String reason) {
        return "سامانهٔ ۱۳۷: درخواست شما برای «" + meeting.title() + "» پذیرفته نشد: " + reason
                + ". برای پیگیری با ۱۳۷ تماس بگیرید.";
    }

    /** «روز ۱۴۰۵/۰۹/۲۱ ساعت ۱۰:۰۰». */
    private static String when(Meeting meeting) {
        LocalDate day = meeting.at().toLocalDate();
        return "روز " + HistoryWords.jalali(day) + " ساعت "
                + PersianDigits.toPersian("%02d:%02d".formatted(meeting.at().getHour(), meeting.at().getMinute()));
    }
}
