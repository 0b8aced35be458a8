package ir.hotline137.outbound.notices;

import ir.hotline137.outbound.outbox.Notification;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.outbound.sms.SmsListener;
import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.HistoryWords;
import ir.hotline137.requests.InvalidRequestException;
import ir.hotline137.requests.PersianDigits;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.TrackingCode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the SMS centre brings back: delivery receipts, kept on the notification they are for; and citizens' own
 * messages, answered. A tracking code is answered with its request's status (and result), a configured keyword with
 * its reply (Isfahan's 20000137 answers "1" with the links to its app), anything else with how to ask. Each answer is
 * kept in the outbox before it is sent, as every notification is.
 */
public final class CitizenMessages implements SmsListener {
    private static final Logger log = LoggerFactory.getLogger(CitizenMessages.class);
    /** Answers to one number in one day: enough for any citizen, and an end to two answering machines talking. */
    static final int ANSWERS_A_DAY = 10;
    static final String HOW_TO_ASK = "برای پیگیری درخواست، کد ۸ رقمی پیگیری را بفرستید. برای ثبت درخواست با ۱۳۷ تماس بگیرید.";

    private final Outbox outbox;
    private final RequestDesk desk;
    private final Map<String, String> keywords;
    private final Clock clock;
    /** Answers given today, by number; what a restart forgets is a day's limit, not a message. */
    private final Map<String, Integer> answeredToday = new HashMap<>();
    private LocalDate today;

    /** @param keywords a citizen's message (digits in either script) and the reply it gets */
    public CitizenMessages(Outbox outbox, RequestDesk desk, Map<String, String> keywords, Clock clock) {
        this.outbox = outbox;
        this.desk = desk;
        this.keywords = Map.copyOf(keywords);
        this.clock = clock;
    }

    @Override
    public void receipt(String messageId, String state) {
        if (outbox.receipt(messageId, state).isEmpty()) {
            log.debug("a delivery receipt for a message the outbox does not know: {} {}", messageId, state);
        }
    }

    @Override
    public void message(String from, String text) {
        if (from == null || !from.strip().matches("\\+?[0-9۰-۹]+")) {
            // A name, not a number (an operator's or a service's message): nobody to answer.
            return;
        }
        String to = number(from);
        if (!withinToday(to)) {
            log.warn("{} has had {} answers today; no more until tomorrow", to, ANSWERS_A_DAY);
            return;
        }
        String asked = PersianDigits.toAscii(text == null ? "" : text).strip();
        Optional<TrackingCode> about = Optional.empty();
        String reply;
        String keyword = keywords.get(asked);
        if (keyword != null) {
            reply = keyword;
        } else if (TrackingCode.isValid(asked)) {
            about = Optional.of(TrackingCode.parse(asked));
            reply = desk.find(about.get()).map(request -> status(request, to))
                    .orElse("درخواستی با کد " + PersianDigits.toPersian(about.get().value())
                            + " پیدا نشد. کد ۸ رقمی پیگیری را دوباره بفرستید.");
        } else {
            reply = HOW_TO_ASK;
        }
        Instant now = clock.instant();
        // The centre may deliver one message twice: the same words from the same number within a minute are one.
        String key = "reply|" + to + "|" + asked + "|" + now.getEpochSecond() / 60;
        outbox.addOne(Notification.reply(key, about, to, reply, now));
    }

    private synchronized boolean withinToday(String number) {
        LocalDate now = LocalDate.ofInstant(clock.instant(), clock.getZone());
        if (!now.equals(today)) {
            today = now;
            answeredToday.clear();
        }
        return answeredToday.merge(number, 1, Integer::sum) <= ANSWERS_A_DAY;
    }

    /**
     * Anyone with the code learns where the request stands, as on the phone; its result, which may say where the
     * citizen lives, goes only to the numbers of the caller and the supporters.
     */
    private String status(CitizenRequest request, String asking) {
        LocalDate changed = LocalDate.ofInstant(request.lastChangedAt(), clock.getZone());
        boolean theirs = request.callerNumber().map(CallerNumber::digits).filter(asking::equals).isPresent()
                || request.supporters().stream().anyMatch(s -> s.callerNumber().map(CallerNumber::digits)
                        .filter(asking::equals).isPresent());
        return "وضعیت درخواست " + PersianDigits.toPersian(request.code().value()) + ": "
                + HistoryWords.status(request.status()) + "؛ آخرین تغییر " + HistoryWords.jalali(changed) + "."
                + (theirs ? request.result().map(r -> " نتیجه: " + NoticeWords.shortened(r)).orElse("") : "");
    }

    /** The sender as the requests keep numbers; an SMS centre often gives them with the country code, 98. */
    static String number(String from) {
        String digits = PersianDigits.toAscii(from == null ? "" : from.strip());
        if (digits.startsWith("98") && digits.length() == 12) {
            digits = "0" + digits.substring(2);
        }
        try {
            return CallerNumber.parse(digits).digits();
        } catch (InvalidRequestException notANumber) {
            return digits;
        }
    }
}
