package ir.hotline137.console.requests;

import ir.hotline137.console.api.ApiProblem;
import ir.hotline137.console.open311.DistrictBoundaries;
import ir.hotline137.console.units.CitizenNumbers;
import ir.hotline137.console.units.UnitScope;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.District;
import ir.hotline137.requests.InvalidRequestException;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestNotFoundException;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.category.Category;
import ir.hotline137.requests.location.GeoPoint;
import ir.hotline137.requests.location.Location;
import ir.hotline137.requests.store.Page;
import ir.hotline137.requests.store.RequestFilter;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.switchboard.Switchboard;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Citizen requests over JSON: find, register, move along the lifecycle, refer, note, and join a caller to an
 * existing one. Everything goes through the {@link RequestDesk}, so the history records the logged-in person
 * as the actor. The store and the index block, so their work runs off the event loop.
 */
@RestController
@RequestMapping("/api/requests")
public class RequestsApi {
    private static final int PAGE_SIZE = 20;
    /** A caller's earlier requests shown at once: enough for anyone who is not a robot. */
    private static final int CALLER_HISTORY = 50;
    /** Nobody pages through 200,000 requests by hand; a search narrows them. */
    private static final int LAST_PAGE = 10_000;

    /** How much of a similar request's description the card shows. */
    private static final int SNIPPET = 160;

    private final RequestDesk desk;
    private final Switchboard switchboard;
    private final UnitScope scope;
    private final Outbox outbox;
    /** The city's districts on the map (Open311's setting): a point an agent types must fall in one. */
    private final DistrictBoundaries boundaries;
    private final Clock clock;
    private final Map<Integer, District> districts;
    private final Map<String, Category> categories;

    public RequestsApi(RequestDesk desk, Switchboard switchboard, UnitScope scope, Outbox outbox,
                       DistrictBoundaries boundaries, Clock clock) {
        this.desk = desk;
        this.boundaries = boundaries;
        this.switchboard = switchboard;
        this.scope = scope;
        this.outbox = outbox;
        this.clock = clock;
        this.districts = desk.districts();
        this.categories = desk.categories();
    }

    /** One request; a unit finds only those referred to it. */
    @GetMapping("/{code}")
    public Mono<RequestView> byCode(@PathVariable String code, Principal principal) {
        TrackingCode wanted = trackingCode(code);
        return blocking(() -> desk.find(wanted)
                .map(found -> view(scope.visible(principal, found), principal))
                .orElseThrow(() -> new ApiProblem.NotFound("code", "no request " + code)));
    }

    /**
     * Requests by district, category, status, caller and words. With words ({@code q}) the best matches come
     * first; otherwise the newest. A caller's requests are all on one page (their words are not searched: a
     * caller has few requests, and the agent reads them all).
     */
    @GetMapping
    public Mono<RequestPage> search(@RequestParam Optional<String> caller, @RequestParam Optional<Integer> district,
                                    @RequestParam Optional<String> category, @RequestParam Optional<String> status,
                                    @RequestParam Optional<String> q, @RequestParam(defaultValue = "0") int page) {
        if (page < 0 || page > LAST_PAGE) {
            return Mono.error(new ApiProblem.BadField("page", "must be from 0 to " + LAST_PAGE
                    + "; narrow the search instead"));
        }
        RequestFilter filter = new RequestFilter(district, category.filter(c -> !c.isBlank()),
                status.filter(s -> !s.isBlank()).map(RequestsApi::status));
        Optional<String> words = q.filter(s -> !s.isBlank());
        if (caller.filter(c -> !c.isBlank()).isPresent()) {
            String number = caller.get();
            return blocking(() -> byCaller(number).stream().filter(filter::matches)
                    .map(this::view).toList())
                    .map(items -> new RequestPage(items, 0, false));
        }
        return blocking(() -> words.isPresent() ? desk.searchText(words.get(), filter, page, PAGE_SIZE)
                : desk.search(filter, page, PAGE_SIZE))
                .map(this::page);
    }

    /** One page of requests. */
    public record RequestPage(List<RequestView> items, int page, boolean hasNext) {
    }

    /**
     * Open requests of the district probably about the same problem as {@code text}: what the call card asks for
     * while the agent types, so that a caller reporting the same lamp again joins it instead of opening a second.
     * The same search, and the same threshold, as the IVR's offer to join.
     */
    @GetMapping("/similar")
    public Mono<List<SimilarRequest>> similar(@RequestParam(required = false) Integer district,
                                              @RequestParam(required = false) String category,
                                              @RequestParam(required = false) String text) {
        if (district == null) {
            return Mono.error(new ApiProblem.BadField("district", "is required"));
        }
        if (text == null || text.isBlank()) {
            return Mono.error(new ApiProblem.BadField("text", "is required"));
        }
        if (text.length() > RequestDesk.MAX_DESCRIPTION_LENGTH) {
            return Mono.error(new ApiProblem.BadField("text", "is longer than " + RequestDesk.MAX_DESCRIPTION_LENGTH
                    + " characters"));
        }
        return blocking(() -> desk.findDuplicates(district, Optional.ofNullable(category), text).stream()
                .flatMap(candidate -> desk.find(candidate.code()).stream().map(request -> new SimilarRequest(
                        request.code().value(), candidate.similarity(), request.createdAt(), request.status().name(),
                        request.category(), request.supporters().size(), firstWords(request.description()))))
                .toList())
                .onErrorMap(InvalidRequestException.class, e -> new ApiProblem.BadField(
                        "description".equals(e.field()) ? "text" : e.field(), e.reason()));
    }

    private static String firstWords(String description) {
        return description.length() <= SNIPPET ? description : description.substring(0, SNIPPET) + "…";
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
        // The caller's own words stay with the request an agent writes down from them.
        Optional<String> recording = Optional.ofNullable(body.callId())
                .flatMap(id -> switchboard.call(new CallId(id))).flatMap(call -> call.info().recording());
        NewRequest input = new NewRequest(Optional.ofNullable(body.callerNumber()), body.district(),
                Optional.ofNullable(body.category()), body.description(), RequestSource.AGENT, recording,
                agent.getName(), Optional.ofNullable(body.note()));
        return blocking(() -> view(desk.register(input)));
    }

    /**
     * Moves a request along its lifecycle; a move the lifecycle does not allow is 409. Referring and marking as a
     * duplicate have their own routes: each needs more than a status (where to, of which request), and a request
     * REFERRED without a referral would be missing from every referral count.
     */
    @PostMapping("/{code}/status")
    public Mono<RequestView> changeStatus(@PathVariable String code, @RequestBody RequestBodies.StatusChange body,
                                          Principal agent) {
        TrackingCode request = trackingCode(code);
        if (body.status() == null || body.status().isBlank()) {
            return Mono.error(new ApiProblem.BadField("status", "is required"));
        }
        RequestStatus target = status(body.status());
        if (target == RequestStatus.REFERRED || target == RequestStatus.DUPLICATE) {
            return Mono.error(new ApiProblem.BadField("status", target + " has its own route: POST /api/requests/"
                    + code + (target == RequestStatus.REFERRED ? "/referral" : "/duplicate")));
        }
        return blocking(() -> view(desk.changeStatus(request, target, agent.getName(), Optional.ofNullable(body.result()))));
    }

    /**
     * Puts an open request under another category (a message nobody could transcribe was filed under «سایر»);
     * a closed one is 409, an unknown category 400.
     */
    @PostMapping("/{code}/category")
    public Mono<RequestView> recategorize(@PathVariable String code, @RequestBody RequestBodies.CategoryChange body,
                                          Principal agent) {
        TrackingCode request = trackingCode(code);
        if (body == null || body.category() == null || body.category().isBlank()) {
            return Mono.error(new ApiProblem.BadField("category", "is required"));
        }
        return blocking(() -> view(desk.recategorize(request, body.category(), agent.getName())));
    }

    /** Where the problem is, as the caller tells the agent; said again, it replaces what was there. */
    @PostMapping("/{code}/location")
    public Mono<RequestView> locate(@PathVariable String code, @RequestBody RequestBodies.LocationChange body,
                                    Principal agent) {
        TrackingCode request = trackingCode(code);
        if (body == null) {
            return Mono.error(new ApiProblem.BadField("address", "is required, or latitude and longitude"));
        }
        if ((body.latitude() == null) != (body.longitude() == null)) {
            return Mono.error(new ApiProblem.BadField(body.latitude() == null ? "latitude" : "longitude",
                    "is required with the other"));
        }
        return blocking(() -> {
            Optional<GeoPoint> point = body.latitude() == null ? Optional.empty()
                    : Optional.of(new GeoPoint(body.latitude(), body.longitude()));
            // Where the city has a map of its districts, a point in none of them is a mistake (latitude and
            // longitude swapped, a digit missed), not a place.
            if (point.isPresent() && !boundaries.isEmpty() && boundaries.districtOf(point.get()).isEmpty()) {
                throw new ApiProblem.BadField("latitude", "is in none of this city's districts: " + point.get());
            }
            return view(desk.locate(request, new Location(point, Optional.ofNullable(body.address())
                    .map(RequestDesk::readable)), agent.getName()));
        });
    }

    /** The caller on the line backs this request; a request closed meanwhile is 409. */
    @PostMapping("/{code}/join")
    public Mono<RequestView> join(@PathVariable String code, @RequestBody RequestBodies.Join body, Principal agent) {
        TrackingCode request = trackingCode(code);
        return blocking(() -> view(desk.join(request, Optional.ofNullable(body.callerNumber()), agent.getName())));
    }

    /** Refers the request to a unit by a deadline; empty parts take the category's defaults. */
    @PostMapping("/{code}/referral")
    public Mono<RequestView> refer(@PathVariable String code, @RequestBody RequestBodies.Referral body, Principal agent) {
        TrackingCode request = trackingCode(code);
        Optional<LocalDate> deadline = Optional.ofNullable(body.deadline()).filter(s -> !s.isBlank()).map(RequestsApi::date);
        return blocking(() -> view(desk.refer(request, Optional.ofNullable(body.unit()),
                Optional.ofNullable(body.assignee()), deadline, agent.getName())));
    }

    /** The request is the same problem as another open one: its caller becomes a supporter there. */
    @PostMapping("/{code}/duplicate")
    public Mono<RequestView> duplicate(@PathVariable String code, @RequestBody RequestBodies.Duplicate body,
                                       Principal agent) {
        TrackingCode request = trackingCode(code);
        if (body.of() == null || !TrackingCode.isValid(body.of())) {
            return Mono.error(new ApiProblem.BadField("of", "the tracking code of the request this one repeats "
                    + "is required (" + TrackingCode.LENGTH + " digits)"));
        }
        TrackingCode of = TrackingCode.parse(body.of());
        return blocking(() -> view(desk.markDuplicate(request, of, agent.getName())));
    }

    /** A note in the request's history; a unit notes only what is referred to it. */
    @PostMapping("/{code}/notes")
    public Mono<RequestView> note(@PathVariable String code, @RequestBody RequestBodies.Note body, Principal agent) {
        TrackingCode request = trackingCode(code);
        return blocking(() -> view(scope.unitDesk(agent, desk)
                .map(unit -> unit.addNote(request, body.text(), agent.getName()))
                .orElseGet(() -> desk.addNote(request, body.text(), agent.getName())), agent)).onErrorMap(InvalidRequestException.class, e -> "note".equals(e.field())
                ? new ApiProblem.BadField("text", e.reason()) : e);
    }

    /** The unit has it and work has begun (REFERRED to IN_PROGRESS); saying so twice is harmless. */
    @PostMapping("/{code}/acknowledge")
    public Mono<RequestView> acknowledge(@PathVariable String code, Principal unit) {
        TrackingCode request = trackingCode(code);
        return blocking(() -> view(scope.unitDesk(unit, desk)
                .map(own -> own.acknowledge(request, unit.getName()))
                .orElseGet(() -> {
                    CitizenRequest current = desk.find(request).orElseThrow(() -> new RequestNotFoundException(request));
                    return current.status() == RequestStatus.IN_PROGRESS ? current
                            : desk.changeStatus(request, RequestStatus.IN_PROGRESS, unit.getName(), Optional.empty());
                }), unit));
    }

    /**
     * The unit's result ({@code {result, resolved: true}}): from REFERRED or IN_PROGRESS the request is RESOLVED
     * with these words, which the citizen is told; 409 from any other status.
     */
    @PostMapping("/{code}/result")
    public Mono<RequestView> result(@PathVariable String code, @RequestBody RequestBodies.Result body,
                                    Principal unit) {
        TrackingCode request = trackingCode(code);
        if (body == null || body.result() == null || body.result().isBlank()) {
            return Mono.error(new ApiProblem.BadField("result", "is required: what was done, in the citizen's terms"));
        }
        if (Boolean.FALSE.equals(body.resolved())) {
            return Mono.error(new ApiProblem.BadField("resolved", "a result resolves the request; to write without "
                    + "resolving, add a note"));
        }
        return blocking(() -> view(scope.unitDesk(unit, desk)
                .map(own -> own.giveResult(request, body.result(), unit.getName()))
                .orElseGet(() -> desk.giveResult(request, body.result(), unit.getName())), unit));
    }

    /** Not the unit's: back to the 137 centre with the reason, to be referred again; 409 unless referred. */
    @PostMapping("/{code}/send-back")
    public Mono<RequestView> sendBack(@PathVariable String code, @RequestBody RequestBodies.SendBack body,
                                      Principal unit) {
        TrackingCode request = trackingCode(code);
        String reason = body == null ? null : body.reason();
        return blocking(() -> view(scope.unitDesk(unit, desk)
                .map(own -> own.sendBack(request, reason, unit.getName()))
                .orElseGet(() -> desk.sendBack(request, reason, unit.getName())), unit));
    }

    /** The desk names the number "callerNumber"; here the parameter is "caller". */
    private List<CitizenRequest> byCaller(String number) {
        try {
            return desk.findByCaller(number, CALLER_HISTORY);
        } catch (InvalidRequestException e) {
            throw new ApiProblem.BadField("caller", e.reason());
        }
    }

    private RequestPage page(Page<CitizenRequest> found) {
        return new RequestPage(found.items().stream().map(this::view).toList(), found.page(), found.hasNext());
    }

    private RequestView view(CitizenRequest request) {
        District district = districts.get(request.district());
        Category category = categories.get(request.category());
        return RequestView.of(request, district == null ? Integer.toString(request.district()) : district.name(),
                category == null ? request.category() : category.label(), LocalDate.now(clock),
                outbox.forRequest(request.code()));
    }

    /** As this person may see it: a unit without the citizen's number, unless the setting says otherwise. */
    private RequestView view(CitizenRequest request, Principal principal) {
        RequestView view = view(request);
        return scope.hidesCallers(principal) ? view.withoutCallerNumbers(CitizenNumbers.of(request)) : view;
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

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ApiProblem.BadField("deadline", "'" + text + "' is not a date like 2026-12-31");
        }
    }

    /** The store and the index block: their work runs off the event loop. */
    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
