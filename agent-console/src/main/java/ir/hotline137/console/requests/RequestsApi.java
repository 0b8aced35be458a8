package ir.hotline137.console.requests;

import ir.hotline137.console.api.ApiProblem;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.store.RequestFilter;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Citizen requests over JSON. The store and the index block, so their work runs off the event loop. */
@RestController
@RequestMapping("/api/requests")
public class RequestsApi {
    private static final int PAGE_SIZE = 20;
    /** A caller's earlier requests shown at once: enough for anyone who is not a robot. */
    private static final int CALLER_HISTORY = 50;

    private final RequestDesk desk;

    public RequestsApi(RequestDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/{code}")
    public Mono<RequestView> byCode(@PathVariable String code) {
        return blocking(() -> desk.find(trackingCode(code)))
                .flatMap(found -> found.map(RequestView::of).map(Mono::just)
                        .orElseGet(() -> Mono.error(new ApiProblem.NotFound("code", "no request " + code))));
    }

    /**
     * Requests by district, category, status and caller, newest first, a page at a time. (Free-text search
     * over descriptions comes with the console's search screen.)
     */
    @GetMapping
    public Mono<RequestPage> search(@RequestParam Optional<String> caller, @RequestParam Optional<Integer> district,
                                    @RequestParam Optional<String> category, @RequestParam Optional<String> status,
                                    @RequestParam(defaultValue = "0") int page) {
        if (page < 0) {
            return Mono.error(new ApiProblem.BadField("page", "must be 0 or more"));
        }
        RequestFilter filter = new RequestFilter(district, category.filter(c -> !c.isBlank()),
                status.filter(s -> !s.isBlank()).map(RequestsApi::status));
        if (caller.filter(c -> !c.isBlank()).isPresent()) {
            String number = caller.get();
            return blocking(() -> desk.findByCaller(number, CALLER_HISTORY).stream().filter(filter::matches)
                    .map(RequestView::of).toList())
                    .map(items -> new RequestPage(items, 0, false));
        }
        return blocking(() -> desk.search(filter, page, PAGE_SIZE))
                .map(found -> new RequestPage(found.items().stream().map(RequestView::of).toList(), found.page(),
                        found.hasNext()));
    }

    /** One page of requests. */
    public record RequestPage(List<RequestView> items, int page, boolean hasNext) {
    }

    /** An agent registers a request; the category is suggested from the description when not given. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<RequestView> register(@RequestBody RequestBodies.Register body, Principal agent) {
        if (body.district() == null) {
            return Mono.error(new ApiProblem.BadField("district", "is required"));
        }
        if (body.description() == null || body.description().isBlank()) {
            return Mono.error(new ApiProblem.BadField("description", "is required"));
        }
        NewRequest input = new NewRequest(Optional.ofNullable(body.callerNumber()), body.district(),
                Optional.ofNullable(body.category()), body.description(), RequestSource.AGENT, Optional.empty(),
                agent.getName(), Optional.ofNullable(body.note()));
        return blocking(() -> RequestView.of(desk.register(input)));
    }

    /** Moves a request along its lifecycle; a move the lifecycle does not allow is 409. */
    @PostMapping("/{code}/status")
    public Mono<RequestView> changeStatus(@PathVariable String code, @RequestBody RequestBodies.StatusChange body,
                                          Principal agent) {
        if (body.status() == null || body.status().isBlank()) {
            return Mono.error(new ApiProblem.BadField("status", "is required"));
        }
        return blocking(() -> RequestView.of(desk.changeStatus(trackingCode(code), status(body.status()),
                agent.getName(), Optional.ofNullable(body.result()))));
    }

    private static TrackingCode trackingCode(String code) {
        if (!TrackingCode.isValid(code)) {
            throw new ApiProblem.BadField("code", "a tracking code is " + TrackingCode.LENGTH
                    + " digits with a valid check digit");
        }
        return TrackingCode.parse(code);
    }

    private static RequestStatus status(String name) {
        try {
            return RequestStatus.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem.BadField("status", "'" + name + "' is not one of " + List.of(RequestStatus.values()));
        }
    }

    /** The store and the index block: their work runs off the event loop. */
    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
