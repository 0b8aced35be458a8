package ir.hotline137.mayor.meeting;

import ir.hotline137.store.postgresql.StoreMigration;

/** The public meetings and their registrations, moved by {@code migrate-store} with their own numbers. */
public final class MeetingsMigration {
    private MeetingsMigration() {
    }

    public static StoreMigration of(MapDbMeetings from, PostgresMeetings to) {
        return StoreMigration.of("meetings and registrations", copies -> {
            // A meeting before its registrations, which refer to it.
            for (Meeting meeting : from.meetings()) {
                copies.accept(() -> to.adopt(meeting));
                for (Registration registration : from.registrations(meeting.id())) {
                    copies.accept(() -> to.adopt(registration));
                }
            }
        }, () -> count(from), () -> count(to), to::idsFollow);
    }

    private static long count(Meetings meetings) {
        return meetings.meetings().stream().mapToLong(meeting -> 1 + meetings.registrations(meeting.id()).size()).sum();
    }
}
