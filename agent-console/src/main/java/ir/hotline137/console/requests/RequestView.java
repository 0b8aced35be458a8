package ir.hotline137.console.requests;

import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.HistoryEntry;
import java.time.Instant;
import java.util.List;

/** A request as the console's API shows it. */
public record RequestView(String code, String status, Instant createdAt, String callerNumber, int district,
                          String category, String description, String source, String audio, int supporters,
                          String duplicateOf, String result, List<HistoryEntry> history) {

    public static RequestView of(CitizenRequest request) {
        return new RequestView(request.code().value(), request.status().name(), request.createdAt(),
                request.callerNumber().map(n -> n.digits()).orElse(null), request.district(), request.category(),
                request.description(), request.source().name(), request.audioReference().orElse(null),
                request.supporters().size(), request.duplicateOf().map(c -> c.value()).orElse(null),
                request.result().orElse(null), request.history());
    }
}
