package ir.hotline137.console.open311;

import ir.hotline137.console.units.CitizenNumbers;
import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.District;
import ir.hotline137.requests.HistoryEntry;
import ir.hotline137.requests.HistoryWords;
import ir.hotline137.requests.InvalidRequestException;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.Referral;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestNotOpenException;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.category.Category;
import ir.hotline137.requests.duplicates.DuplicateCandidate;
import ir.hotline137.requests.location.GeoPoint;
import ir.hotline137.requests.location.Location;
import ir.hotline137.requests.store.RequestStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 ({@code http://wiki.open311.org/GeoReport_v2}) and mySociety's {@code servicerequestupdates}:
 * every resource as {@code .xml} (which the specification requires) and {@code .json}, UTF-8, times in the city's
 * zone with their offset, errors as the specification writes them.
 *
 * <p>Our tracking code is the {@code service_request_id}; our categories are the services, each with one attribute,
 * {@code district}, which a client sends when it gives no point inside the city. A request filed here goes through
 * the same duplicate check as a phoned one: the same problem already open is answered with that request's id and a
 * notice, and the caller joined to it as a supporter.
 *
 * <p>Reading needs no key, as the specification has it, and so what is read is public: only requests filed through
 * this API (unless {@code hotline.open311.list-every-channel}), since a citizen who phoned did not publish their
 * words; of their history only the changes of status, never a note; no phone number in any text. Each address reads
 * at most {@code hotline.open311.reads-per-minute} times a minute.
 */
@RestController
@RequestMapping("/open311/v2")
public class GeoReportApi {
    private static final Logger log = LoggerFactory.getLogger(GeoReportApi.class);
    private static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** When this API last changed what it says: discovery's changeset. */
    private static final String CHANGESET = "2026-12-05T00:00:00Z";
    private static final MediaType XML = new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8);
    private static final Duration MOST_SPAN = Duration.ofDays(90);
    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final int MOST_PAGE_SIZE = 1000;
    private static final int MOST_UPDATES = 1000;
    private static final int MAX_DESCRIPTION = 4000;
    /** Requests one list may name by id. */
    private static final int MOST_IDS = 20;

    private final RequestDesk desk;
    private final RequestStore store;
    private final ApiKeys keys;
    private final MinuteLimit posts;
    private final MinuteLimit reads;
    private final DistrictBoundaries boundaries;
    private final Open311Settings settings;
    private final Clock clock;
    private final ZoneId zone;
    private final JsonMapper json = JsonMapper.builder().build();

    public GeoReportApi(RequestDesk desk, RequestStore store, ApiKeys keys, DistrictBoundaries boundaries,
                        Open311Settings settings, Clock clock) {
        this.desk = desk;
        this.store = store;
        this.keys = keys;
        this.posts = new MinuteLimit(settings.postsPerMinute(), clock);
        this.reads = new MinuteLimit(settings.readsPerMinute(), clock);
        this.boundaries = boundaries;
        this.settings = settings;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /** A refusal in the specification's terms: the HTTP status, and the error's description. */
    static final class GeoReportError extends RuntimeException {
        private final HttpStatus status;
        private final long retryAfter;

        GeoReportError(HttpStatus status, String description) {
            this(status, description, 0);
        }

        GeoReportError(HttpStatus status, String description, long retryAfter) {
            super(description, null, false, false);
            this.status = status;
            this.retryAfter = retryAfter;
        }
    }

    private static GeoReportError tooMany(long wait, String who) {
        return new GeoReportError(HttpStatus.TOO_MANY_REQUESTS, "too many requests from this " + who
                + ": try again in " + wait + " seconds", wait);
    }

    /** One read by the address asking, within its minute's allowance. */
    private void read(ServerWebExchange exchange) {
        var from = exchange.getRequest().getRemoteAddress();
        long wait = reads.tryOne(from == null || from.getAddress() == null ? "unknown"
                : from.getAddress().getHostAddress());
        if (wait > 0) {
            throw tooMany(wait, "address");
        }
    }

    /* ---------- discovery and services ---------- */

    @GetMapping("/discovery.{format}")
    public Mono<ResponseEntity<String>> discovery(@PathVariable String format, ServerWebExchange exchange) {
        String base = exchange.getRequest().getURI().resolve(".").toString();
        return answer(format, HttpStatus.OK, () -> {
            read(exchange);
            Map<String, Object> endpoint = new LinkedHashMap<>();
            endpoint.put("specification", SPECIFICATION);
            endpoint.put("url", base);
            endpoint.put("changeset", CHANGESET);
            endpoint.put("type", "production");
            endpoint.put("formats", new GeoReportDocument.Repeated("format", List.of("text/xml", "application/json")));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("changeset", CHANGESET);
            fields.put("contact", settings.contact());
            fields.put("key_service", settings.contact());
            fields.put("endpoints", new GeoReportDocument.Repeated("endpoint", List.of(endpoint)));
            return new GeoReportDocument.Single("discovery", fields);
        });
    }

    @GetMapping("/services.{format}")
    public Mono<ResponseEntity<String>> services(@PathVariable String format, ServerWebExchange exchange) {
        return answer(format, HttpStatus.OK, () -> {
            read(exchange);
            List<Map<String, Object>> services = new ArrayList<>();
            for (Category category : desk.categories().values()) {
                Map<String, Object> service = new LinkedHashMap<>();
                service.put("service_code", category.id());
                service.put("service_name", category.label());
                service.put("description", category.label());
                // Every service has the district attribute, so a client reads the definition.
                service.put("metadata", true);
                service.put("type", "realtime");
                service.put("keywords", String.join(",", category.keywords()));
                service.put("group", null);
                services.add(service);
            }
            return new GeoReportDocument.Items("services", "service", services);
        });
    }

    @GetMapping("/services/{code}.{format}")
    public Mono<ResponseEntity<String>> service(@PathVariable String code, @PathVariable String format,
                                                ServerWebExchange exchange) {
        return answer(format, HttpStatus.OK, () -> {
            read(exchange);
            Category category = category(code, HttpStatus.NOT_FOUND);
            List<Map<String, Object>> values = new ArrayList<>();
            for (District district : desk.districts().values()) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("key", Integer.toString(district.number()));
                value.put("name", district.name());
                values.add(value);
            }
            Map<String, Object> attribute = new LinkedHashMap<>();
            attribute.put("variable", true);
            attribute.put("code", "district");
            attribute.put("datatype", "singlevaluelist");
            // Without a map of the districts a point says no district, and the client must name it.
            attribute.put("required", boundaries.isEmpty());
            attribute.put("datatype_description", boundaries.isEmpty() ? "منطقه‌ای که مشکل در آن است"
                    : "منطقه‌ای که مشکل در آن است؛ با lat و long درون شهر لازم نیست");
            attribute.put("order", 1);
            attribute.put("description", "منطقه");
            attribute.put("values", new GeoReportDocument.Repeated("value", values));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("service_code", category.id());
            fields.put("attributes", new GeoReportDocument.Repeated("attribute", List.of(attribute)));
            return new GeoReportDocument.Single("service_definition", fields);
        });
    }

    /* ---------- filing ---------- */

    /**
     * Files a request (form-encoded, as the specification has it): {@code api_key}, {@code service_code},
     * {@code description}, {@code lat} and {@code long} or {@code address_string}, optional {@code phone},
     * {@code media_url} and {@code attribute[district]}. Names and e-mail addresses are not kept: the 137 centre
     * follows citizens by their number.
     */
    @PostMapping("/requests.{format}")
    public Mono<ResponseEntity<String>> file(@PathVariable String format, ServerWebExchange exchange) {
        // From the form only: a key in the query string would be written into every access log on the way.
        return exchange.getFormData().flatMap(form -> filing(format, form));
    }

    private Mono<ResponseEntity<String>> filing(String format, MultiValueMap<String, String> form) {
        return answerWith(format, () -> {
            ApiClient client = keys.check(form.getFirst("api_key")).orElseThrow(() -> new GeoReportError(
                    HttpStatus.FORBIDDEN, "api_key is missing, wrong or revoked"));
            long wait = posts.tryOne("client " + client.id());
            if (wait > 0) {
                throw tooMany(wait, "key");
            }
            Category category = category(required(form, "service_code"), HttpStatus.NOT_FOUND);
            String description = required(form, "description");
            if (description.length() > MAX_DESCRIPTION) {
                throw bad("description is longer than " + MAX_DESCRIPTION + " characters");
            }
            Optional<GeoPoint> point = point(form);
            Optional<String> address = optional(form, "address_string");
            if (point.isEmpty() && address.isEmpty()) {
                throw bad("lat and long, or address_string, is required");
            }
            int district = district(form, point);
            Optional<String> phone = optional(form, "phone").map(p -> {
                try {
                    return CallerNumber.parse(p).digits();
                } catch (IllegalArgumentException notANumber) {
                    throw bad("phone is not a phone number: " + p);
                }
            });
            Optional<String> media = optional(form, "media_url").map(GeoReportApi::mediaUrl);
            String actor = "open311:" + client.name();

            Location location = new Location(point, address.map(RequestDesk::readable));
            List<DuplicateCandidate> same = desk.findDuplicates(district, Optional.of(category.id()), description);
            if (!same.isEmpty()) {
                TrackingCode existing = same.getFirst().code();
                try {
                    joined(existing, phone, description, location, media, actor);
                    log.info("open311 {}: same as {}, joined", client.name(), existing);
                    return ResponseEntity.ok(filed(existing, Optional.of(
                            "این مشکل پیش‌تر گزارش شده و در دست پیگیری است؛ گزارش شما به آن افزوده شد.")));
                } catch (RequestNotOpenException closedMeanwhile) {
                    log.info("open311 {}: {} closed meanwhile, filed anew", client.name(), existing);
                }
            }
            CitizenRequest made = desk.register(new NewRequest(phone, district, Optional.of(category.id()),
                    description, RequestSource.API, Optional.empty(), actor,
                    media.map(url -> "پیوند تصویر: " + url), Optional.of(location)));
            log.info("open311 {}: filed {}", client.name(), made.code());
            return ResponseEntity.status(HttpStatus.CREATED).body(filed(made.code(), Optional.empty()));
        });
    }

    /**
     * The app's citizen backs the open request, and what they sent is kept on it: their words as a note (the
     * request's own stay), the place if it had none, the picture's link.
     */
    private void joined(TrackingCode existing, Optional<String> phone, String description, Location location,
                        Optional<String> media, String actor) {
        desk.together(() -> {
            desk.join(existing, phone, actor);
            desk.addNote(existing, "گزارش همان مشکل: " + description, actor);
            if (desk.find(existing).flatMap(CitizenRequest::location).isEmpty()) {
                desk.locate(existing, location, actor);
            }
            media.ifPresent(url -> desk.addNote(existing, "پیوند تصویر: " + url, actor));
            return existing;
        });
    }

    private static GeoReportDocument filed(TrackingCode code, Optional<String> notice) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("service_request_id", code.value());
        fields.put("service_notice", notice.orElse(null));
        fields.put("account_id", null);
        return new GeoReportDocument.Items("service_requests", "request", List.of(fields));
    }

    /* ---------- following ---------- */

    @GetMapping("/tokens/{token}.{format}")
    public Mono<ResponseEntity<String>> token(@PathVariable String token, @PathVariable String format,
                                              ServerWebExchange exchange) {
        // Every request is filed at once, so no token is ever handed out; a client that asks with a code gets it.
        return answer(format, HttpStatus.OK, () -> {
            read(exchange);
            CitizenRequest request = byId(token);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("service_request_id", request.code().value());
            fields.put("token", token);
            return new GeoReportDocument.Items("service_requests", "request", List.of(fields));
        });
    }

    @GetMapping("/requests/{id}.{format}")
    public Mono<ResponseEntity<String>> request(@PathVariable String id, @PathVariable String format,
                                                ServerWebExchange exchange) {
        return answer(format, HttpStatus.OK, () -> {
            read(exchange);
            return new GeoReportDocument.Items("service_requests", "request", List.of(fields(byId(id))));
        });
    }

    /**
     * Requests by ids ({@code service_request_id}, comma-separated, at most 20, which overrides the rest), or those requested
     * between {@code start_date} and {@code end_date} (the last 90 days when not given; at most 90 days), of the
     * {@code service_code}s and {@code status}es given, newest first, {@code page_size} (100, at most 1000) to a
     * {@code page} (from 1).
     */
    @GetMapping("/requests.{format}")
    public Mono<ResponseEntity<String>> requests(@PathVariable String format, ServerWebExchange exchange) {
        MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
        return answer(format, HttpStatus.OK, () -> {
            read(exchange);
            List<String> ids = list(query, "service_request_id");
            if (!ids.isEmpty()) {
                if (ids.size() > MOST_IDS) {
                    throw bad("service_request_id names more than " + MOST_IDS + " requests");
                }
                List<Map<String, Object>> found = new ArrayList<>();
                for (String id : ids) {
                    parseCode(id).flatMap(desk::find).filter(this::listed).ifPresent(r -> found.add(fields(r)));
                }
                return new GeoReportDocument.Items("service_requests", "request", found);
            }
            Set<String> codes = new LinkedHashSet<>();
            for (String code : list(query, "service_code")) {
                codes.add(category(code, HttpStatus.BAD_REQUEST).id());
            }
            Set<Boolean> open = new LinkedHashSet<>();
            for (String status : list(query, "status")) {
                switch (status.toLowerCase(Locale.ROOT)) {
                    case "open" -> open.add(true);
                    case "closed" -> open.add(false);
                    default -> throw bad("status is open or closed, not " + status);
                }
            }
            Instant[] span = span(query, MOST_SPAN, MOST_SPAN);
            int size = number(query, "page_size", DEFAULT_PAGE_SIZE, MOST_PAGE_SIZE);
            int page = number(query, "page", 1, Integer.MAX_VALUE);
            long[] skip = {(long) (page - 1) * size};
            List<Map<String, Object>> found = new ArrayList<>();
            store.forEachNewestFirst(r -> {
                if (r.createdAt().isBefore(span[0])) {
                    return false;
                }
                if (r.createdAt().isAfter(span[1]) || !listed(r)
                        || (!codes.isEmpty() && !codes.contains(r.category()))
                        || (!open.isEmpty() && !open.contains(r.isOpen()))) {
                    return true;
                }
                if (skip[0] > 0) {
                    skip[0]--;
                    return true;
                }
                found.add(fields(r));
                return found.size() < size;
            });
            return new GeoReportDocument.Items("service_requests", "request", found);
        });
    }

    /**
     * mySociety's extension: every change of status of a listed request between {@code start_date} and
     * {@code end_date} (the last day when not given; at most 90 days), oldest first, at most 1000, each with the
     * status it made. Notes, supporters and the like are the 137 centre's own and are not told.
     */
    @GetMapping("/servicerequestupdates.{format}")
    public Mono<ResponseEntity<String>> updates(@PathVariable String format, ServerWebExchange exchange) {
        MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
        return answer(format, HttpStatus.OK, () -> {
            read(exchange);
            Instant[] span = span(query, Duration.ofDays(1), MOST_SPAN);
            record Update(Instant at, Map<String, Object> fields) {
            }
            List<Update> updates = new ArrayList<>();
            store.forEachRecentlyChanged(r -> {
                if (r.lastChangedAt().isBefore(span[0])) {
                    return false;
                }
                if (!listed(r)) {
                    return true;
                }
                Set<String> numbers = CitizenNumbers.of(r);
                for (int i = 0; i < r.history().size(); i++) {
                    HistoryEntry entry = r.history().get(i);
                    Optional<RequestStatus> made = HistoryWords.statusAfter(entry);
                    if (made.isEmpty() || entry.at().isBefore(span[0]) || entry.at().isAfter(span[1])) {
                        continue;
                    }
                    RequestStatus status = made.get();
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("update_id", r.code().value() + "-" + (i + 1));
                    fields.put("service_request_id", r.code().value());
                    fields.put("status", updateStatus(status));
                    fields.put("updated_datetime", time(entry.at()));
                    fields.put("description", CitizenNumbers.hide(HistoryWords.shown(entry), numbers));
                    fields.put("media_url", "");
                    fields.put("external_status_code", status.name());
                    updates.add(new Update(entry.at(), fields));
                }
                return true;
            });
            updates.sort(java.util.Comparator.comparing(Update::at));
            return new GeoReportDocument.Items("service_request_updates", "request_update",
                    updates.stream().limit(MOST_UPDATES).map(Update::fields).toList());
        });
    }

    /** mySociety's words for where a request stands after a change. */
    private static String updateStatus(RequestStatus status) {
        return switch (status) {
            case REGISTERED -> "open";
            case REFERRED -> "action_scheduled";
            case IN_PROGRESS -> "in_progress";
            case RESOLVED -> "fixed";
            case REJECTED -> "not_councils_responsibility";
            case CLOSED -> "closed";
            case DUPLICATE -> "duplicate";
        };
    }

    private boolean listed(CitizenRequest request) {
        return settings.listEveryChannel() || request.source() == RequestSource.API;
    }

    /** One request as GeoReport lists it, with every number of its citizens hidden from its text. */
    private Map<String, Object> fields(CitizenRequest r) {
        Set<String> numbers = CitizenNumbers.of(r);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("service_request_id", r.code().value());
        fields.put("status", r.isOpen() ? "open" : "closed");
        fields.put("status_notes", CitizenNumbers.hide(statusNotes(r), numbers));
        Category category = desk.categories().get(r.category());
        fields.put("service_name", category == null ? r.category() : category.label());
        fields.put("service_code", r.category());
        fields.put("description", CitizenNumbers.hide(r.description(), numbers));
        fields.put("agency_responsible", r.referral().map(Referral::unit).orElse(null));
        fields.put("service_notice", null);
        fields.put("requested_datetime", time(r.createdAt()));
        fields.put("updated_datetime", time(r.lastChangedAt()));
        fields.put("expected_datetime", r.isOpen() ? r.referral().map(Referral::deadline)
                .map(d -> time(d.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant())).orElse(null) : null);
        Optional<Location> location = r.location();
        fields.put("address", location.flatMap(Location::address).map(a -> CitizenNumbers.hide(a, numbers))
                .orElse(null));
        fields.put("address_id", null);
        fields.put("zipcode", null);
        fields.put("lat", location.flatMap(Location::point).map(GeoPoint::latitude).orElse(null));
        fields.put("long", location.flatMap(Location::point).map(GeoPoint::longitude).orElse(null));
        fields.put("media_url", null);
        return fields;
    }

    /** The result once given; else where it stands in words (status, the unit and its deadline). */
    private static String statusNotes(CitizenRequest r) {
        if (r.result().isPresent()) {
            return r.result().get();
        }
        if (r.status() == RequestStatus.DUPLICATE && r.duplicateOf().isPresent()) {
            return HistoryWords.status(r.status()) + ": " + r.duplicateOf().get().value();
        }
        return HistoryWords.status(r.status()) + r.referral().filter(x -> r.isOpen())
                .map(x -> "؛ " + x.unit() + "، مهلت " + HistoryWords.jalali(x.deadline())).orElse("");
    }

    /* ---------- parameters ---------- */

    /** A request this API may tell; one phoned in is as unknown here as one that does not exist. */
    private CitizenRequest byId(String id) {
        return parseCode(id).flatMap(desk::find).filter(this::listed).orElseThrow(() -> new GeoReportError(
                HttpStatus.NOT_FOUND, "no service request " + id));
    }

    private static Optional<TrackingCode> parseCode(String id) {
        try {
            return Optional.of(TrackingCode.parse(id));
        } catch (InvalidRequestException notACode) {
            return Optional.empty();
        }
    }

    private Category category(String code, HttpStatus unknown) {
        Category category = desk.categories().get(code.strip());
        if (category == null) {
            throw new GeoReportError(unknown, "service_code " + code + " is not a service here");
        }
        return category;
    }

    private Optional<GeoPoint> point(MultiValueMap<String, String> form) {
        Optional<String> lat = optional(form, "lat");
        Optional<String> lon = optional(form, "long");
        if (lat.isEmpty() && lon.isEmpty()) {
            return Optional.empty();
        }
        if (lat.isEmpty() || lon.isEmpty()) {
            throw bad((lat.isEmpty() ? "lat" : "long") + " is required with " + (lat.isEmpty() ? "long" : "lat"));
        }
        try {
            return Optional.of(new GeoPoint(Double.parseDouble(lat.get()), Double.parseDouble(lon.get())));
        } catch (NumberFormatException notANumber) {
            throw bad("lat and long are decimal degrees (WGS 84), such as 32.6546 and 51.6680");
        }
    }

    /**
     * The district its point lies in on the city's map; else the one the client names (attribute[district]). The map
     * wins over the name: an app's district list may be out of date, a point is where the problem is.
     */
    private int district(MultiValueMap<String, String> form, Optional<GeoPoint> point) {
        Optional<Integer> mapped = point.flatMap(boundaries::districtOf).filter(d -> desk.districts().containsKey(d));
        if (mapped.isPresent()) {
            return mapped.get();
        }
        Optional<String> named = optional(form, "attribute[district]");
        if (named.isPresent()) {
            try {
                int number = Integer.parseInt(named.get());
                if (desk.districts().containsKey(number)) {
                    return number;
                }
            } catch (NumberFormatException notANumber) {
                // said below
            }
            throw bad("attribute[district] is not one of this city's districts: " + named.get());
        }
        throw bad(point.isEmpty() ? "attribute[district] is required without lat and long"
                : boundaries.isEmpty() ? "attribute[district] is required: this city has no map of its districts"
                : "lat and long are in none of this city's districts: send attribute[district]");
    }

    private static String mediaUrl(String text) {
        try {
            URI uri = new URI(text);
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && text.length() <= 2000) {
                return uri.toString();
            }
        } catch (URISyntaxException notAUri) {
            // said below
        }
        throw bad("media_url is not an http or https address");
    }

    /**
     * start_date and end_date (W3C times with an offset; a date alone is its day in the city), by default the
     * {@code byDefault} before end_date, at most {@code most} apart.
     */
    private Instant[] span(MultiValueMap<String, String> query, Duration byDefault, Duration most) {
        Instant end = optional(query, "end_date").map(t -> instant("end_date", t, true)).orElse(clock.instant());
        Instant start = optional(query, "start_date").map(t -> instant("start_date", t, false))
                .orElse(end.minus(byDefault));
        if (start.isAfter(end)) {
            throw bad("start_date is after end_date");
        }
        if (Duration.between(start, end).compareTo(most) > 0) {
            throw bad("start_date and end_date are more than " + most.toDays() + " days apart");
        }
        return new Instant[] {start, end};
    }

    private Instant instant(String name, String text, boolean endOfDay) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException notADateTime) {
                try {
                    LocalDate day = LocalDate.parse(text);
                    return (endOfDay ? day.plusDays(1).atStartOfDay(zone).minusNanos(1) : day.atStartOfDay(zone))
                            .toInstant();
                } catch (DateTimeParseException notADate) {
                    throw bad(name + " is not a W3C time such as 2026-12-05T10:00:00+03:30: " + text);
                }
            }
        }
    }

    private static int number(MultiValueMap<String, String> query, String name, int byDefault, int most) {
        Optional<String> text = optional(query, name);
        if (text.isEmpty()) {
            return byDefault;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= 1 && value <= most) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw bad(name + " is a whole number from 1 to " + most + ": " + text.get());
    }

    private static List<String> list(MultiValueMap<String, String> query, String name) {
        return optional(query, name).map(v -> Arrays.stream(v.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    /** A parameter's value; an empty one is as good as none, as the specification says. */
    private static Optional<String> optional(MultiValueMap<String, String> values, String name) {
        return Optional.ofNullable(values.getFirst(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String required(MultiValueMap<String, String> values, String name) {
        return optional(values, name).orElseThrow(() -> bad(name + " is required"));
    }

    private static GeoReportError bad(String description) {
        return new GeoReportError(HttpStatus.BAD_REQUEST, description);
    }

    private String time(Instant at) {
        return at.atZone(zone).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /* ---------- answering ---------- */

    private Mono<ResponseEntity<String>> answer(String format, HttpStatus ok, Callable<GeoReportDocument> work) {
        return answerWith(format, () -> ResponseEntity.status(ok).body(work.call()));
    }

    /**
     * Runs the work off the event loop and writes its document in the format asked for; a refusal becomes the
     * specification's error document, in that format (XML for a format we do not speak).
     */
    private Mono<ResponseEntity<String>> answerWith(String format,
                                                    Callable<ResponseEntity<GeoReportDocument>> work) {
        boolean asJson = "json".equalsIgnoreCase(format);
        if (!asJson && !"xml".equalsIgnoreCase(format)) {
            return Mono.just(written(false, HttpStatus.NOT_FOUND, HttpHeaders.EMPTY,
                    error(HttpStatus.NOT_FOUND, "format " + format + " is not spoken here: xml or json")));
        }
        return Mono.fromCallable(() -> {
            try {
                ResponseEntity<GeoReportDocument> done = work.call();
                return written(asJson, HttpStatus.valueOf(done.getStatusCode().value()), done.getHeaders(),
                        done.getBody());
            } catch (GeoReportError refused) {
                HttpHeaders headers = new HttpHeaders();
                if (refused.retryAfter > 0) {
                    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfter));
                }
                return written(asJson, refused.status, headers, error(refused.status, refused.getMessage()));
            } catch (InvalidRequestException invalid) {
                return written(asJson, HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY,
                        error(HttpStatus.BAD_REQUEST, openName(invalid.field()) + " " + invalid.reason()));
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Our field names where the client wrote GeoReport's. */
    private static String openName(String field) {
        return switch (field) {
            case "category" -> "service_code";
            case "callerNumber" -> "phone";
            default -> field;
        };
    }

    private static GeoReportDocument error(HttpStatus status, String description) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", status.value());
        fields.put("description", description);
        return new GeoReportDocument.Items("errors", "error", List.of(fields));
    }

    private ResponseEntity<String> written(boolean asJson, HttpStatus status, HttpHeaders headers,
                                           GeoReportDocument document) {
        String body = asJson ? json.writeValueAsString(document.json()) : document.xml();
        return ResponseEntity.status(status).headers(headers)
                .contentType(asJson ? MediaType.APPLICATION_JSON : XML).body(body);
    }
}
