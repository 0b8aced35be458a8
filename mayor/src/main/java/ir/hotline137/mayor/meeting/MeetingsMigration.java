package ir.hotline137.mayor.meeting;

import ir.hotline137.store.postgresql.StoreMigration;
import java.util.function.Consumer;

/** The public meetings and their registrations, moved by {@code migrate-store} with their own numbers. */
public final class MeetingsMigration implements StoreMigration {
    private final MapDbMeetings from;
    private final PostgresMeetings to;

    public MeetingsMigration(MapDbMeetings from, PostgresMeetings to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public String what() {
        return "meetings and registrations";
    }

    @Override
    public void forEachRecord(Consumer<Runnable> copies) {
        // A meeting before its registrations, which refer to it.
        for (Meeting meeting : from.meetings()) {
            copies.accept(() -> to.adopt(meeting));
            for (Registration registration : from.registrations(meeting.id())) {
                copies.accept(() -> to.adopt(registration));
            }
        }
    }

    @Override
    public long embeddedCount() {
        return count(from);
    }

    @Override
    public long postgresqlCount() {
        return count(to);
    }

    private static long count(Meetings meetings) {
        return meetings.meetings().stream().mapToLong(meeting -> 1 + meetings.registrations(meeting.id()).size()).sum();
    }

    @Override
    public void finish() {
        to.idsFollow();
    }
}
