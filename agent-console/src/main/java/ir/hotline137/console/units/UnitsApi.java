package ir.hotline137.console.units;

import ir.hotline137.console.api.ApiProblem;
import ir.hotline137.figures.FollowUpFigures;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.District;
import ir.hotline137.requests.Referral;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.category.Category;
import ir.hotline137.requests.followup.Lateness;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The follow-up office over JSON: a unit's desk, what is late across the units (and what is for the mayor's office),
 * and the units' figures, also as a spreadsheet.
 */
@RestController
@RequestMapping("/api/units")
public class UnitsApi {
    /** How much of a description a list shows; the request's page has all of it. */
    private static final int SNIPPET = 200;

    private final RequestDesk desk;
    private final UnitScope scope;
    private final FollowUpFigures figures;
    private final Clock clock;

    public UnitsApi(RequestDesk desk, UnitScope scope, FollowUpFigures figures, Clock clock) {
        this.desk = desk;
        this.scope = scope;
        this.figures = figures;
        this.clock = clock;
    }

    /**
     * One open request as the follow-up office lists it.
     *
     * @param daysLeft  to the deadline, negative once past it
     * @param lateness  where it stands on the escalation ladder
     */
    public record Waiting(String code, String unit, String status, boolean acknowledged, Instant registeredAt,
                          Instant referredAt, LocalDate deadline, long daysLeft, Lateness lateness, int district,
                          String districtName, String category, String categoryLabel, String description,
                          int supporters, int reopened) {
    }

    /** A unit's desk: its open requests, the most pressing first. */
    public record UnitDesk(String unit, LocalDate today, List<Waiting> requests) {
    }

    /**
     * A unit's own desk; a supervisor names the unit ({@code ?unit=}) to see it as the unit does.
     */
    @GetMapping("/mine")
    public Mono<UnitDesk> mine(@RequestParam(name = "unit", required = false) String named, Principal principal) {
        String unit = scope.unitOf(principal).orElseGet(() -> {
            if (named == null || named.isBlank()) {
                throw new ApiProblem.BadField("unit", "is required: whose desk to show");
            }
            return named.strip();
        });
        return blocking(() -> {
            LocalDate today = today();
            return new UnitDesk(unit, today, pressingFirst(desk.waitingOn(unit).stream()
                    .map(request -> waiting(request, today)).toList()));
        });
    }

    /**
     * Every referral past its deadline, across the units: those past twice the time given (for the mayor's office)
     * first, then the longest overdue.
     */
    @GetMapping("/late")
    public Mono<List<Waiting>> late() {
        return blocking(() -> {
            LocalDate today = today();
            return pressingFirst(desk.waitingOnAnyUnit().stream().map(request -> waiting(request, today))
                    .filter(w -> w.lateness().isLate()).toList());
        });
    }

    /** The follow-up figures of the last {@code days} days, per unit, district or category; {@code format=csv}. */
    @GetMapping("/figures")
    public Mono<ResponseEntity<?>> figures(@RequestParam(name = "days", defaultValue = "30") int days,
                                           @RequestParam(name = "by", defaultValue = "unit") String by,
                                           @RequestParam(name = "format", defaultValue = "json") String format) {
        if (!format.equals("json") && !format.equals("csv")) {
            throw new ApiProblem.BadField("format", "is json or csv, not " + format);
        }
        FollowUpFigures.Per per = FollowUpFigures.Per.of(by);
        return blocking(() -> {
            FollowUpFigures.Report report = figures.compute(days, per);
            if (format.equals("json")) {
                return ResponseEntity.ok(report);
            }
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("follow-up-" + per.name().toLowerCase(Locale.ROOT) + "-" + report.to() + ".csv")
                            .build().toString())
                    .body(UnitFiguresCsv.write(report));
        });
    }

    private static List<Waiting> pressingFirst(List<Waiting> requests) {
        return requests.stream().sorted(Comparator.comparing((Waiting w) -> -w.lateness().ordinal())
                .thenComparing(Waiting::deadline).thenComparing(Waiting::registeredAt)).toList();
    }

    private Waiting waiting(CitizenRequest request, LocalDate today) {
        Referral referral = request.referral().orElseThrow();
        // A unit's lists never show a citizen's number, whatever the setting: the desk is not where to call them.
        String text = CitizenNumbers.hide(request.description(), CitizenNumbers.of(request));
        Optional<District> district = Optional.ofNullable(desk.districts().get(request.district()));
        Optional<Category> category = Optional.ofNullable(desk.categories().get(request.category()));
        return new Waiting(request.code().value(), referral.unit(), request.status().name(),
                referral.acknowledgedAt().isPresent(), request.createdAt(), referral.referredAt(), referral.deadline(),
                Lateness.daysLeft(referral, today), Lateness.of(referral, today, zone()), request.district(),
                district.map(District::name).orElse(null), request.category(),
                category.map(Category::label).orElse(null),
                text.length() > SNIPPET ? text.substring(0, SNIPPET) + "…" : text, request.supporters().size(),
                request.reopened());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone());
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
