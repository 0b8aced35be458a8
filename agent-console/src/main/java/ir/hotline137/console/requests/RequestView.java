package ir.hotline137.console.requests;

import ir.hotline137.console.recordings.RecordingsApi;
import ir.hotline137.console.units.CitizenNumbers;
import ir.hotline137.outbound.outbox.Attempt;
import ir.hotline137.outbound.outbox.Notification;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.HistoryEntry;
import ir.hotline137.requests.HistoryWords;
import ir.hotline137.requests.Referral;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.location.GeoPoint;
import ir.hotline137.requests.location.Location;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A request as the console's API shows it: with the district's and category's names, so a screen needs no
 * second lookup, and the statuses it may move to next, so a screen offers only what the lifecycle allows. Its
 * history reads in Persian, lines kept in English before included ({@link HistoryWords#shown}). Where
 * the recording lies on the server stays there: {@code recordingUrl} is where the console plays it. {@code open}:
 * still being worked on, so its category may change. {@code resultAt}: when the result was given (null before, and
 * for requests from before it was recorded); {@code reopened}: how often a citizen said it was not fixed;
 * {@code satisfaction}: what the citizen answered, if asked; {@code notifications}: what the citizens were told,
 * or are to be, and how each try went; {@code location}: where the problem is, when known.
 */
public record RequestView(String code, String status, boolean open, Instant createdAt, Instant lastChangedAt, String callerNumber,
                          int district, String districtName, String category, String categoryLabel,
                          String description, String source, boolean hasAudio, String recordingUrl, int supporters,
                          String duplicateOf,
                          ReferralView referral, String result, List<HistoryEntry> history,
                          List<RequestStatus> nextStatuses, Instant resultAt, int reopened,
                          SatisfactionView satisfaction, List<NotificationView> notifications,
                          LocationView location) {

    /** @param latitude null (and {@code longitude}) when only an address is known; {@code address} null when none */
    public record LocationView(Double latitude, Double longitude, String address) {
        static LocationView of(Location at) {
            return new LocationView(at.point().map(GeoPoint::latitude).orElse(null),
                    at.point().map(GeoPoint::longitude).orElse(null), at.address().orElse(null));
        }
    }

    /** @param fixed null when the citizen did not answer whether it is fixed */
    public record SatisfactionView(int score, Boolean fixed, Instant at) {
    }

    /**
     * One message to a citizen.
     *
     * @param to            the citizen's number; null where numbers are hidden
     * @param outcome       how the last try ended (e.g. SENT, ANSWERED, BUSY); null before the first
     * @param receipt       the SMS centre's delivery report (e.g. DELIVRD, UNDELIV); null until it comes
     */
    public record NotificationView(String kind, String channel, String to, String status, int attempts,
                                   Instant lastAttemptAt, String outcome, String receipt) {
        static NotificationView of(Notification n) {
            Optional<Attempt> last = n.lastAttempt();
            return new NotificationView(n.kind().name(), n.channel().name().toLowerCase(Locale.ROOT), n.to(),
                    n.status().name(), n.attempts().size(), last.map(Attempt::at).orElse(null),
                    last.flatMap(Attempt::result).map(r -> r.name().toLowerCase(Locale.ROOT)).orElse(null),
                    n.receipt().orElse(null));
        }
    }

    /**
     * Who must act and by when. {@code overdue} as of today in the city's time zone, and only while the request
     * is open: a request resolved late is late history, not an overdue referral.
     */
    public record ReferralView(String unit, String assignee, LocalDate deadline, boolean overdue) {
        static ReferralView of(Referral referral, boolean open, LocalDate today) {
            return new ReferralView(referral.unit(), referral.assignee(), referral.deadline(),
                    open && referral.isOverdue(today));
        }
    }

    /**
     * The same request without the citizen's numbers anywhere: not as the caller's, not in its text, its result or a
     * history line that names a supporter, not as the number a notification went to.
     *
     * @param numbers the request's own numbers ({@link CitizenNumbers#of})
     */
    public RequestView withoutCallerNumbers(Set<String> numbers) {
        List<HistoryEntry> masked = history.stream().map(h -> new HistoryEntry(h.at(), h.actor(),
                CitizenNumbers.hide(h.what(), numbers))).toList();
        return new RequestView(code, status, open, createdAt, lastChangedAt, null, district, districtName, category,
                categoryLabel, CitizenNumbers.hide(description, numbers), source, hasAudio, recordingUrl, supporters,
                duplicateOf, referral, CitizenNumbers.hide(result, numbers), masked, nextStatuses, resultAt, reopened,
                satisfaction, notifications.stream()
                        .map(n -> new NotificationView(n.kind(), n.channel(), null, n.status(), n.attempts(),
                                n.lastAttemptAt(), n.outcome(), n.receipt())).toList(),
                location == null ? null : new LocationView(location.latitude(), location.longitude(),
                        CitizenNumbers.hide(location.address(), numbers)));
    }

    static RequestView of(CitizenRequest request, String districtName, String categoryLabel, LocalDate today,
                          List<Notification> notifications) {
        return new RequestView(request.code().value(), request.status().name(), request.isOpen(), request.createdAt(),
                request.lastChangedAt(), request.callerNumber().map(n -> n.digits()).orElse(null), request.district(),
                districtName, request.category(), categoryLabel, request.description(), request.source().name(),
                request.audioReference().isPresent(),
                request.audioReference().isPresent() ? RecordingsApi.url(request.code()) : null,
                request.supporters().size(),
                request.duplicateOf().map(c -> c.value()).orElse(null),
                request.referral().map(r -> ReferralView.of(r, request.isOpen(), today)).orElse(null),
                request.result().orElse(null),
                request.history().stream()
                        .map(h -> new HistoryEntry(h.at(), h.actor(), HistoryWords.shown(h))).toList(),
                request.status().next().stream().sorted().toList(), request.resultAt().orElse(null),
                request.reopened(), request.satisfaction().map(s -> new SatisfactionView(s.score(),
                        s.fixed().orElse(null), s.at())).orElse(null),
                notifications.stream().map(NotificationView::of).toList(),
                request.location().map(LocationView::of).orElse(null));
    }
}
