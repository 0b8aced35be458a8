package ir.hotline137.outbound.notices;

import ir.hotline137.outbound.outbox.Channel;
import ir.hotline137.outbound.outbox.NoticeKind;
import ir.hotline137.outbound.outbox.Notification;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.Supporter;
import ir.hotline137.requests.store.RequestStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns committed changes to requests into notifications in the outbox. It reads the store's changes since the last
 * revision it saw, in revision order, and writes what they call for together with the new mark: run it again, after
 * a crash or on a second node, and it makes nothing twice, since each notification has a key of its own.
 *
 * <p>The first run starts from the store's present: what happened before the outbox existed was told, or will not
 * be, and a citizen does not get an SMS about last year's request because someone added a note to it today. (A
 * join, referral or result in the very millisecond the outbox first started counts as before it.)
 */
public final class NoticeWriter {
    /** An Iranian mobile number, the only kind an SMS reaches: a landline or an extension gets none. */
    private static final Pattern MOBILE = Pattern.compile("09\\d{9}");
    /** A number the city's trunk can call, mobile or landline (eleven digits from the 0): not an extension. */
    private static final Pattern CALLABLE = Pattern.compile("0[1-9]\\d{9}");

    private final RequestStore store;
    private final Outbox outbox;
    private final boolean tellReferrals;
    private final Set<Channel> channels;
    private final Clock clock;
    /** Events from before the outbox began are not told: joins, referrals and results up to this moment. */
    private Instant since;
    /** ...and registrations up to this one, by the store's registration order, which is exact where times tie. */
    private long sinceSequence;

    /**
     * @param tellReferrals whether a referral is told too, not only the registration and the result
     * @param channels      how citizens can be told here: SMS with an SMS centre, calls with the manager interface.
     *                      A call speaks a referral or a result; the registration and a join are only sent by SMS,
     *                      since the citizen has just heard their code on the phone.
     */
    public NoticeWriter(RequestStore store, Outbox outbox, boolean tellReferrals, Set<Channel> channels,
                        Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.tellReferrals = tellReferrals;
        this.channels = Set.copyOf(channels);
        this.clock = clock;
    }

    /**
     * Derives what the changes since the last run call for.
     *
     * @return how many notifications were made
     */
    public synchronized int catchUp() {
        Long seen = outbox.seenRevision().orElse(null);
        if (seen == null) {
            outbox.startFrom(store.revision(), store.count(), clock.instant());
            return 0;
        }
        if (since == null) {
            since = outbox.startedAt().orElse(Instant.EPOCH);
            sinceSequence = outbox.startedAfterSequence().orElse(0L);
        }
        List<Notification> made = new ArrayList<>();
        long[] upTo = {seen};
        store.forEachChangeSince(seen, (request, revision) -> {
            made.addAll(noticesOf(request));
            upTo[0] = Math.max(upTo[0], revision);
        });
        if (upTo[0] == seen) {
            return 0;
        }
        return outbox.add(made, upTo[0]).size();
    }

    private List<Notification> noticesOf(CitizenRequest request) {
        List<Notification> notices = new ArrayList<>();
        String code = request.code().value();
        if (request.sequence() > sinceSequence) {
            request.callerNumber().ifPresent(caller -> notices.add(sms(request, NoticeKind.REGISTERED, caller,
                    code + "|REGISTERED|" + caller.digits(), NoticeWords.registered(request.code()), request.createdAt())));
        }
        for (Supporter supporter : request.supporters()) {
            if (supporter.joinedAt().isAfter(since)) {
                supporter.callerNumber().ifPresent(number -> notices.add(sms(request, NoticeKind.JOINED, number,
                        code + "|JOINED|" + number.digits() + "|" + supporter.joinedAt().toEpochMilli(),
                        NoticeWords.joined(request.code()), supporter.joinedAt())));
            }
        }
        if (tellReferrals && request.referral().isPresent() && request.isOpen()
                && request.referral().get().referredAt().isAfter(since)) {
            Instant at = request.referral().get().referredAt();
            for (CallerNumber number : everyone(request)) {
                String key = code + "|REFERRED|" + number.digits() + "|" + at.toEpochMilli();
                String words = NoticeWords.referred(request.code(), request.referral().get());
                notices.add(sms(request, NoticeKind.REFERRED, number, key, words, at));
                notices.add(call(request, NoticeKind.REFERRED, number, key, words, at));
            }
        }
        // Whatever its status now: a result closed a moment after it was given was still given.
        if (request.resultAt().isPresent() && request.result().isPresent()
                && request.resultAt().get().isAfter(since)) {
            Instant at = request.resultAt().get();
            for (CallerNumber number : everyone(request)) {
                String key = code + "|RESULT|" + number.digits() + "|" + at.toEpochMilli();
                String words = NoticeWords.result(request.code(), request.result().get());
                notices.add(sms(request, NoticeKind.RESULT, number, key, words, at));
                notices.add(call(request, NoticeKind.RESULT, number, key, words, at));
            }
        }
        notices.removeIf(Objects::isNull);
        return notices;
    }

    /** The caller and every supporter with a number, each once. */
    private static Set<CallerNumber> everyone(CitizenRequest request) {
        Set<CallerNumber> numbers = new LinkedHashSet<>();
        request.callerNumber().ifPresent(numbers::add);
        request.supporters().forEach(s -> s.callerNumber().ifPresent(numbers::add));
        return numbers;
    }

    private Notification sms(CitizenRequest request, NoticeKind kind, CallerNumber to, String key, String text,
                             Instant at) {
        if (!channels.contains(Channel.SMS) || !MOBILE.matcher(to.digits()).matches()) {
            return null;
        }
        return Notification.made(key + "|SMS", request.code(), kind, Channel.SMS, to.digits(), text,
                at.isAfter(clock.instant()) ? at : clock.instant());
    }

    /** The call speaks from recordings; its text is what an SMS of the same news says, for the request's page. */
    private Notification call(CitizenRequest request, NoticeKind kind, CallerNumber to, String key, String text,
                              Instant at) {
        if (!channels.contains(Channel.CALL) || !CALLABLE.matcher(to.digits()).matches()) {
            return null;
        }
        return Notification.made(key + "|CALL", request.code(), kind, Channel.CALL, to.digits(), text,
                at.isAfter(clock.instant()) ? at : clock.instant());
    }
}
