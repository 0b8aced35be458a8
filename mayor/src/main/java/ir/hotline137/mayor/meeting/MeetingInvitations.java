package ir.hotline137.mayor.meeting;

import ir.hotline137.outbound.dispatch.NoticeSource;
import ir.hotline137.outbound.outbox.Channel;
import ir.hotline137.outbound.outbox.NoticeKind;
import ir.hotline137.outbound.outbox.Notification;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.requests.HistoryWords;
import ir.hotline137.requests.PersianDigits;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the 137 centre tells registrants, derived from the registrations as they stand: a citizen routed to an
 * official is invited (day, the time of their turn, place), and reminded the day before; a declined one is told why. Each is kept in
 * the outbox under a key of its own (meeting, registration, what, channel), so looking again, or after a restart,
 * sends nothing twice; they go within calling hours, like every notice. By SMS to mobiles, where there is an SMS
 * centre; the invitation also by a call (to any number the trunk can call), where there is a manager interface,
 * whose script says the day and time and that the place came by SMS ({@link #registrationOf} finds it again).
 *
 * <p>A citizen routed again to another official after being invited is not invited again: the committee's rules
 * have it decide before the invitations go, and a second invitation with another time would confuse more than help.
 */
public final class MeetingInvitations implements NoticeSource {
    private static final Pattern MOBILE = Pattern.compile("09\\d{9}");
    private static final Pattern CALLABLE = Pattern.compile("0[1-9]\\d{9}");
    private static final String KEY = "meeting|";

    private final MeetingDesk meetings;
    private final Outbox outbox;
    private final Set<Channel> channels;
    private final ZoneId zone;

    /** @param channels how citizens can be told here: SMS with an SMS centre, calls with the manager interface */
    public MeetingInvitations(MeetingDesk meetings, Outbox outbox, Set<Channel> channels, ZoneId zone) {
        this.meetings = meetings;
        this.outbox = outbox;
        this.channels = Set.copyOf(channels);
        this.zone = zone;
    }

    /** The registration a meeting notice's key names; empty for any other notice. */
    public static Optional<Long> registrationOf(Notification notice) {
        if (!notice.key().startsWith(KEY)) {
            return Optional.empty();
        }
        String[] parts = notice.key().split("\\|");
        try {
            return Optional.of(Long.parseLong(parts[2]));
        } catch (RuntimeException notOurs) {
            return Optional.empty();
        }
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
                String to = registration.callerNumber().orElse(null);
                if (to == null) {
                    continue;
                }
                String key = KEY + meeting.id() + "|" + registration.id() + "|";
                switch (registration.status()) {
                    case ROUTED -> {
                        LocalDateTime expected = registration.turn().map(meeting::timeOf).orElse(meeting.at());
                        String invitation = invitation(meeting, expected);
                        made += sms(key + "INVITED", NoticeKind.INVITATION, to, invitation, now);
                        made += call(key + "INVITED", NoticeKind.INVITATION, to, invitation, now);
                        if (dayBefore) {
                            made += sms(key + "REMINDED", NoticeKind.MEETING_REMINDER, to,
                                    reminder(meeting, expected), now);
                        }
                    }
                    case DECLINED -> made += sms(key + "DECLINED", NoticeKind.MEETING_DECLINED, to,
                            declined(meeting, registration.reason().orElse("")), now);
                    default -> {
                        // nothing to tell yet, or told at the meeting
                    }
                }
            }
        }
        return made;
    }

    /**
     * An invitation or a reminder stands while its registration is routed; a refusal while it is declined. A citizen
     * declined after their invitation was made is not called to be told of a meeting they will not attend.
     */
    @Override
    public boolean stillStands(Notification notice) {
        if (!notice.key().startsWith(KEY)) {
            return true;
        }
        String[] parts = notice.key().split("\\|");
        Optional<Registration> registration = registrationOf(notice).flatMap(meetings::registration);
        if (registration.isEmpty() || parts.length < 4) {
            return false;
        }
        return switch (parts[3]) {
            case "INVITED", "REMINDED" -> registration.get().status() == RegistrationStatus.ROUTED;
            case "DECLINED" -> registration.get().status() == RegistrationStatus.DECLINED;
            default -> true;
        };
    }

    private int sms(String key, NoticeKind kind, String to, String text, Instant now) {
        if (!channels.contains(Channel.SMS) || !MOBILE.matcher(to).matches()) {
            return 0;
        }
        return outbox.addOne(Notification.withoutRequest(key + "|SMS", kind, to, text, now)).isPresent() ? 1 : 0;
    }

    private int call(String key, NoticeKind kind, String to, String text, Instant now) {
        if (!channels.contains(Channel.CALL) || !CALLABLE.matcher(to).matches()) {
            return 0;
        }
        return outbox.addOne(Notification.withoutRequest(key + "|CALL", kind, Channel.CALL, to, text, now))
                .isPresent() ? 1 : 0;
    }

    private static String invitation(Meeting meeting, LocalDateTime expected) {
        return "سامانهٔ ۱۳۷: شما به «" + meeting.title() + "» دعوت شده‌اید: " + when(expected) + "، "
                + meeting.place() + ". لطفاً کارت شناسایی همراه داشته باشید.";
    }

    private static String reminder(Meeting meeting, LocalDateTime expected) {
        return "سامانهٔ ۱۳۷، یادآوری: فردا «" + meeting.title() + "»، " + when(expected) + "، " + meeting.place()
                + ".";
    }

    private static String declined(Meeting meeting, String reason) {
        return "سامانهٔ ۱۳۷: درخواست شما برای «" + meeting.title() + "» پذیرفته نشد: " + reason
                + ". برای پیگیری با ۱۳۷ تماس بگیرید.";
    }

    /** «روز ۱۴۰۵/۰۹/۲۱ ساعت ۱۰:۲۰». */
    private static String when(LocalDateTime expected) {
        LocalDate day = expected.toLocalDate();
        return "روز " + HistoryWords.jalali(day) + " ساعت "
                + PersianDigits.toPersian("%02d:%02d".formatted(expected.getHour(), expected.getMinute()));
    }
}
