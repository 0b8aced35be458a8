package ir.hotline137.mayor.meeting;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a new meeting gets unless its supervisor says otherwise ({@code hotline.mayor.meetings}).
 *
 * @param followUpDays      by kind, the time a referral made at the meeting gets when its instruction names none
 * @param slotsPerOfficial  how many citizens each official sees
 * @param perCitizen        how long each citizen is given
 */
public record MeetingSettings(Map<MeetingKind, Integer> followUpDays, int slotsPerOfficial, Duration perCitizen) {
    /** The most places one official can be given at one meeting, and the longest follow-up, in days. */
    static final int MOST_SLOTS = 500;
    static final int MOST_FOLLOW_UP_DAYS = 366;

    public MeetingSettings {
        Map<MeetingKind, Integer> days = new EnumMap<>(MeetingKind.class);
        for (MeetingKind kind : MeetingKind.values()) {
            Integer given = followUpDays.get(kind);
            if (given == null || given < 1 || given > MOST_FOLLOW_UP_DAYS) {
                throw new IllegalArgumentException("follow-up days of " + kind + " must be 1 to "
                        + MOST_FOLLOW_UP_DAYS + ", not " + given);
            }
            days.put(kind, given);
        }
        followUpDays = Map.copyOf(days);
        if (slotsPerOfficial < 1 || slotsPerOfficial > MOST_SLOTS) {
            throw new IllegalArgumentException("slots per official must be 1 to " + MOST_SLOTS + ", not "
                    + slotsPerOfficial);
        }
        if (perCitizen.compareTo(Duration.ofMinutes(1)) < 0 || perCitizen.compareTo(Duration.ofHours(2)) > 0) {
            throw new IllegalArgumentException("the time per citizen must be 1m to 2h, not " + perCitizen);
        }
    }
}
