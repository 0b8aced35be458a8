package ir.hotline137.outbound.notices;

import ir.hotline137.outbound.dispatch.NoticeSource;
import ir.hotline137.outbound.outbox.NoticeKind;
import ir.hotline137.outbound.outbox.Notification;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.PersianDigits;
import ir.hotline137.requests.Referral;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.followup.Lateness;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The escalation ladder told to people: once a day, within calling hours, each unit's head is sent how many of the
 * unit's referrals are past their deadline and how many of those are for the mayor's office; the supervisors, the
 * same for every unit together. Kept in the outbox like every notification, one per person and day, so a restart
 * sends nothing twice.
 */
public final class LateDigest implements NoticeSource {
    private final RequestDesk desk;
    private final Outbox outbox;
    private final Map<String, String> heads;
    private final List<String> supervisors;
    private final Clock clock;

    /**
     * @param heads       each unit's head's number, by the unit's name as referrals name it
     * @param supervisors numbers told the whole centre's count
     */
    public LateDigest(RequestDesk desk, Outbox outbox, Map<String, String> heads, List<String> supervisors,
                      Clock clock) {
        this.desk = desk;
        this.outbox = outbox;
        this.heads = Map.copyOf(heads);
        this.supervisors = List.copyOf(supervisors);
        this.clock = clock;
    }

    /**
     * Makes today's lists, if they are not made yet; nothing for a unit with nothing late.
     *
     * @return how many were made now
     */
    @Override
    public int make(Instant now) {
        if (heads.isEmpty() && supervisors.isEmpty()) {
            return 0;
        }
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Map<String, int[]> late = new TreeMap<>();
        for (CitizenRequest request : desk.waitingOnAnyUnit()) {
            Referral referral = request.referral().orElseThrow();
            Lateness lateness = Lateness.of(referral, today, clock.getZone());
            if (lateness.isLate()) {
                int[] counts = late.computeIfAbsent(referral.unit(), unit -> new int[2]);
                counts[0]++;
                if (lateness == Lateness.FOR_THE_MAYOR) {
                    counts[1]++;
                }
            }
        }
        int made = 0;
        for (Map.Entry<String, int[]> unit : late.entrySet()) {
            String head = heads.get(unit.getKey());
            if (head != null && outbox.addOne(Notification.withoutRequest("late|" + unit.getKey() + "|" + head + "|" + today,
                    NoticeKind.LATE, head, words("واحد «" + unit.getKey() + "»", unit.getValue()), now)).isPresent()) {
                made++;
            }
        }
        if (!late.isEmpty()) {
            int[] all = new int[2];
            late.values().forEach(counts -> {
                all[0] += counts[0];
                all[1] += counts[1];
            });
            for (String supervisor : supervisors) {
                if (outbox.addOne(Notification.withoutRequest("late|*|" + supervisor + "|" + today, NoticeKind.LATE,
                        supervisor, words("مرکز ۱۳۷ (" + PersianDigits.toPersian(Integer.toString(late.size()))
                                + " واحد)", all), now)).isPresent()) {
                    made++;
                }
            }
        }
        return made;
    }

    private static String words(String who, int[] counts) {
        return who + ": " + PersianDigits.toPersian(Integer.toString(counts[0])) + " درخواست از مهلت گذشته است"
                + (counts[1] > 0 ? "، " + PersianDigits.toPersian(Integer.toString(counts[1]))
                        + " درخواست برای دفتر شهردار" : "") + ". فهرست در سامانهٔ ۱۳۷.";
    }
}
