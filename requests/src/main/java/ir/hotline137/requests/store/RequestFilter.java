package ir.hotline137.requests.store;

import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.RequestStatus;
import java.util.Optional;

/** Which requests a listing wants; an empty part matches everything. */
public record RequestFilter(Optional<Integer> district, Optional<String> category, Optional<RequestStatus> status) {
    public static final RequestFilter ALL = new RequestFilter(Optional.empty(), Optional.empty(), Optional.empty());

    public boolean matches(CitizenRequest request) {
        return district.map(d -> d == request.district()).orElse(true)
                && category.map(c -> c.equals(request.category())).orElse(true)
                && status.map(s -> s == request.status()).orElse(true);
    }
}
