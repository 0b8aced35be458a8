package ir.hotline137.console.callbacks;

import ir.hotline137.outbound.callback.Callback;
import ir.hotline137.outbound.callback.CallbackTry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One callback as the console shows it.
 *
 * @param place     its place among those waiting, from 1; 0 once over
 * @param request   the code of the request the message was registered as; null when none
 * @param callingBy the agent whose phone is ringing for it; null unless CALLING
 * @param due       whether it may be called now (a busy or unanswered try waits its spacing)
 */
public record CallbackView(long id, int place, String number, String kind, Instant placeAt, Instant askedAt,
                           String request, Integer district, String districtName, String status, String callingBy,
                           List<TryView> tries, Instant dueAt, boolean due) {

    /** @param outcome lower case: answered, busy, no_answer, failed, agent_missed, unavailable, closed_by_agent */
    public record TryView(Instant at, String agent, String outcome) {
        static TryView of(CallbackTry attempt) {
            return new TryView(attempt.at(), attempt.agent(), attempt.outcome().name().toLowerCase(Locale.ROOT));
        }
    }

    static CallbackView of(Callback c, int place, String districtName, Instant now) {
        return new CallbackView(c.id(), place, c.number(), c.kind().name(), c.placeAt(), c.askedAt(),
                c.request().map(code -> code.value()).orElse(null), c.district().orElse(null), districtName,
                c.status().name(), c.callingBy().orElse(null), c.tries().stream().map(TryView::of).toList(),
                c.dueAt(), !c.dueAt().isAfter(now));
    }
}
