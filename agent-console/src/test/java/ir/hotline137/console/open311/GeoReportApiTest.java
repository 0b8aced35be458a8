package ir.hotline137.console.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import ir.hotline137.console.TestApi;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.NewRequest;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.TrackingCode;
import ir.hotline137.requests.location.GeoPoint;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The city's app through Open311 GeoReport v2 over real HTTP, every answer checked against the specification's
 * schemas (JSON, test resources) and element names (XML): a supervisor makes the app's key; the app files a request
 * with a point (its district found on the map) and one with an address and a district; the same problem filed again
 * is the first request, the app's citizen joined to it; the console refers and resolves it, and the app sees it closed
 * with its result in the request and in mySociety's updates; a phoned-in request is not listed but is told by its
 * id; the key revoked files nothing.
 */
@SpringBootTest(classes = ir.hotline137.console.ConsoleTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GeoReportApiTest {
    private static final String AGENT = TestApi.basic("maryam", "agent-secret");
    private static final String SUPERVISOR = TestApi.basic("boss", "boss-secret");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    /** The specification's XML elements: what each answer's root holds, and what each item may hold. */
    private static final Set<String> REQUEST_ELEMENTS = Set.of("service_request_id", "status", "status_notes",
            "service_name", "service_code", "description", "agency_responsible", "service_notice",
            "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat",
            "long", "media_url");
    private static final Set<String> SERVICE_ELEMENTS = Set.of("service_code", "service_name", "description",
            "metadata", "type", "keywords", "group");
    private static final Set<String> UPDATE_ELEMENTS = Set.of("update_id", "service_request_id", "status",
            "updated_datetime", "description", "media_url", "external_status_code");

    @Value("${local.server.port}")
    int port;

    @Autowired
    RequestDesk desk;

    @Test
    void theCitysAppFilesFollowsAndIsToldTheResultAsTheConsoleGivesIt() throws Exception {
        OffsetDateTime start = OffsetDateTime.now(ZoneId.of("Asia/Tehran")).truncatedTo(ChronoUnit.SECONDS);
        assertThat(errors("requests", "[{\"service_request_id\":\"1\",\"status\":\"pending\",\"service_code\":"
                + "\"x\",\"requested_datetime\":\"2026-12-05 10:00\",\"lat\":\"32.6\"}]"))
                .as("the schemas do check: a status, a time without an offset and a latitude as text").hasSize(3);
        assertThat(TestApi.send(port, "POST", "/api/open311/keys", AGENT, "{\"name\":\"اصفهان من\"}").statusCode())
                .as("a supervisor's work").isEqualTo(403);
        HttpResponse<String> made = TestApi.send(port, "POST", "/api/open311/keys", SUPERVISOR,
                "{\"name\":\"اصفهان من\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String key = TestApi.field(made.body(), "key");
        String clientId = first(made.body(), "id");
        assertThat(TestApi.send(port, "GET", "/api/open311/keys", SUPERVISOR, null).body())
                .as("the key is shown once").doesNotContain(key);

        valid("discovery", get("/open311/v2/discovery.json"));
        Element discovery = xml(get("/open311/v2/discovery.xml"), "discovery");
        assertThat(discovery.getElementsByTagName("format").getLength()).isEqualTo(2);
        String services = get("/open311/v2/services.json");
        valid("services", services);
        items(xml(get("/open311/v2/services.xml"), "services"), "service", SERVICE_ELEMENTS);
        String code = first(services, "service_code");
        valid("service-definition", get("/open311/v2/services/" + code + ".json"));
        Element definition = xml(get("/open311/v2/services/" + code + ".xml"), "service_definition");
        assertThat(definition.getElementsByTagName("value").getLength()).isEqualTo(desk.districts().size());
        HttpResponse<String> unknown = send("GET", "/open311/v2/services/no-such-thing.json", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        valid("errors", unknown.body());
        xml(send("GET", "/open311/v2/services/no-such-thing.xml", null).body(), "errors");

        String words = "چراغ‌های پارک کنار زاینده‌رود شب‌ها خاموش است؛ شمارهٔ من ۰۹۱۳۱۱۱۲۲۳۳";
        Map<String, String> lamp = form("api_key", key, "service_code", code, "description", words,
                "lat", "32.65", "long", "51.75", "phone", "09131112233", "first_name", "مریم",
                "attribute[district]", "6");
        refused(form("service_code", code, "description", words, "lat", "32.65", "long", "51.75"), 403, "api_key");
        refused(with(lamp, "service_code", "no-such-thing"), 404, "service_code");
        refused(with(lamp, "description", " "), 400, "description");
        refused(with(lamp, "long", ""), 400, "long");
        refused(with(lamp, "lat", "32.65x"), 400, "lat");
        refused(with(with(with(lamp, "lat", "32.65"), "long", "51.65"), "attribute[district]", ""), 400,
                "district");
        refused(with(lamp, "phone", "not a phone"), 400, "phone");

        HttpResponse<String> filed = send("POST", "/open311/v2/requests.json", lamp);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        valid("request-response", filed.body());
        TrackingCode lampCode = TrackingCode.parse(first(filed.body(), "service_request_id"));
        CitizenRequest stored = desk.find(lampCode).orElseThrow();
        assertThat(stored.district()).as("the point lies in district 7 on the map, whatever the app named")
                .isEqualTo(7);
        assertThat(stored.source()).isEqualTo(RequestSource.API);
        assertThat(stored.location().orElseThrow().point()).contains(new GeoPoint(32.65, 51.75));
        assertThat(stored.history().getFirst().actor()).isEqualTo("open311:اصفهان من");

        HttpResponse<String> byAddress = send("POST", "/open311/v2/requests.xml", form("api_key", key,
                "service_code", code, "description", "سطل زباله‌ی میدان نقش جهان شکسته است",
                "address_string", "میدان نقش جهان، ضلع شمالی", "attribute[district]", "6"));
        assertThat(byAddress.statusCode()).as(byAddress.body()).isEqualTo(201);
        items(xml(byAddress.body(), "service_requests"), "request", Set.of("service_request_id", "service_notice",
                "account_id"));

        HttpResponse<String> again = send("POST", "/open311/v2/requests.json", with(with(lamp, "phone",
                "09135556677"), "description", "چراغ‌های پارک کنار زاینده‌رود شب‌ها خاموش است"));
        assertThat(again.statusCode()).as("the same problem, already open").isEqualTo(200);
        valid("request-response", again.body());
        assertThat(first(again.body(), "service_request_id")).isEqualTo(lampCode.value());
        assertThat(first(again.body(), "service_notice")).contains("پیش‌تر گزارش شده");
        assertThat(desk.find(lampCode).orElseThrow().supporters()).hasSize(1);
        assertThat(desk.find(lampCode).orElseThrow().history()).extracting(h -> h.what())
                .as("the second report's words kept on the first").anyMatch(w -> w.startsWith("گزارش همان مشکل"));

        String one = get("/open311/v2/requests/" + lampCode.value() + ".json");
        valid("requests", one);
        assertThat(first(one, "status")).isEqualTo("open");
        assertThat(one).as("numbers hidden from the public").doesNotContain("09131112233")
                .doesNotContain("۰۹۱۳۱۱۱۲۲۳۳");
        items(xml(get("/open311/v2/requests/" + lampCode.value() + ".xml"), "service_requests"), "request",
                REQUEST_ELEMENTS);

        assertThat(TestApi.send(port, "POST", "/api/requests/" + lampCode.value() + "/notes", SUPERVISOR,
                "{\"text\":\"یادداشت داخلی: پیمانکار قبلی پاسخ نمی‌دهد\"}").statusCode()).isEqualTo(200);
        assertThat(TestApi.send(port, "POST", "/api/requests/" + lampCode.value() + "/referral", SUPERVISOR,
                "{\"unit\":\"روشنایی منطقه ۷\"}").statusCode()).isEqualTo(200);
        assertThat(TestApi.send(port, "POST", "/api/requests/" + lampCode.value() + "/status", SUPERVISOR,
                "{\"status\":\"IN_PROGRESS\"}").statusCode()).isEqualTo(200);
        assertThat(TestApi.send(port, "POST", "/api/requests/" + lampCode.value() + "/result", SUPERVISOR,
                "{\"result\":\"لامپ‌های پارک تعویض شد.\",\"resolved\":true}").statusCode()).isEqualTo(200);
        String closed = get("/open311/v2/requests/" + lampCode.value() + ".json");
        valid("requests", closed);
        assertThat(first(closed, "status")).isEqualTo("closed");
        assertThat(first(closed, "status_notes")).isEqualTo("لامپ‌های پارک تعویض شد.");
        assertThat(first(closed, "agency_responsible")).isEqualTo("روشنایی منطقه ۷");

        String since = "?start_date=" + URLEncoder.encode(start.minusMinutes(1).toString(), StandardCharsets.UTF_8);
        String updates = get("/open311/v2/servicerequestupdates.json" + since);
        valid("updates", updates);
        List<String> statuses = all(updates, "status");
        assertThat(statuses).contains("open", "action_scheduled", "in_progress", "fixed");
        assertThat(updates).contains("\"service_request_id\":\"" + lampCode.value() + "\"")
                .as("the centre's own notes are not told").doesNotContain("یادداشت داخلی")
                .doesNotContain("گزارش همان مشکل");
        items(xml(get("/open311/v2/servicerequestupdates.xml" + since), "service_request_updates"),
                "request_update", UPDATE_ELEMENTS);

        CitizenRequest phoned = desk.register(NewRequest.fromCaller("09121110000", 6, "چاله در خیابان",
                RequestSource.IVR_SPEECH));
        HttpResponse<String> swapped = TestApi.send(port, "POST", "/api/requests/" + phoned.code().value()
                + "/location", SUPERVISOR, "{\"latitude\":51.62,\"longitude\":32.61}");
        assertThat(swapped.statusCode()).as("an agent's point in no district: swapped, not a place").isEqualTo(400);
        assertThat(swapped.body()).contains("\"field\":\"latitude\"");
        assertThat(TestApi.send(port, "POST", "/api/requests/" + phoned.code().value() + "/location", SUPERVISOR,
                "{\"latitude\":32.61,\"longitude\":51.62,\"address\":\"خیابان چهارباغ\"}").statusCode())
                .isEqualTo(200);
        String listed = get("/open311/v2/requests.json" + since);
        valid("requests", listed);
        assertThat(all(listed, "service_request_id")).contains(lampCode.value())
                .doesNotContain(phoned.code().value());
        assertThat(all(get("/open311/v2/requests.json" + since + "&status=closed"), "service_request_id"))
                .containsExactly(lampCode.value());
        assertThat(all(get("/open311/v2/requests.json?service_request_id=" + phoned.code().value() + ","
                + lampCode.value()), "service_request_id")).as("a phoned request is not published, by id either")
                .containsExactly(lampCode.value());
        HttpResponse<String> notPublished = send("GET", "/open311/v2/requests/" + phoned.code().value() + ".json",
                null);
        assertThat(notPublished.statusCode()).isEqualTo(404);
        valid("errors", notPublished.body());
        HttpResponse<String> tooWide = send("GET", "/open311/v2/requests.json?start_date=2026-01-01&end_date="
                + "2026-06-01", null);
        assertThat(tooWide.statusCode()).isEqualTo(400);
        valid("errors", tooWide.body());
        valid("request-response", get("/open311/v2/tokens/" + lampCode.value() + ".json"));

        assertThat(TestApi.send(port, "DELETE", "/api/open311/keys/" + clientId, SUPERVISOR, null).body())
                .contains("\"active\":false");
        refused(with(lamp, "description", "پیاده‌رو خیابان چهارباغ شکسته است"), 403, "api_key");
        assertThat(desk.find(lampCode).orElseThrow().status()).isEqualTo(RequestStatus.RESOLVED);
    }

    private void refused(Map<String, String> body, int status, String naming) throws Exception {
        HttpResponse<String> answer = send("POST", "/open311/v2/requests.json", body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        valid("errors", answer.body());
        assertThat(first(answer.body(), "description")).contains(naming);
        assertThat(answer.body()).contains("\"code\":" + status);
    }

    private static void valid(String schema, String json) throws Exception {
        assertThat(errors(schema, json)).as("%s against %s.json", json, schema).isEmpty();
    }

    private static List<Error> errors(String schema, String json) throws Exception {
        try (InputStream in = GeoReportApiTest.class.getResourceAsStream("/georeport-v2/" + schema + ".json")) {
            Schema checker = SCHEMAS.getSchema(in);
            return checker.validate(json, InputFormat.JSON);
        }
    }

    /** The XML answer's root, checked to be the one named. */
    private static Element xml(String body, String root) throws Exception {
        assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo(root);
        return document.getDocumentElement();
    }

    /** Every child of the root is an {@code item} holding only the elements the specification names. */
    private static void items(Element root, String item, Set<String> allowed) {
        Set<String> seen = new HashSet<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                assertThat(element.getTagName()).isEqualTo(item);
                for (Node field = element.getFirstChild(); field != null; field = field.getNextSibling()) {
                    if (field instanceof Element named) {
                        seen.add(named.getTagName());
                    }
                }
            }
        }
        assertThat(seen).isNotEmpty().isSubsetOf(allowed);
    }

    private static String first(String json, String field) {
        List<String> values = all(json, field);
        assertThat(values).as("%s in %s", field, json).isNotEmpty();
        return values.getFirst();
    }

    /** The text values of a field, wherever it is in the answer. */
    private static List<String> all(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(-?[0-9.]+))").matcher(json);
        List<String> values = new ArrayList<>();
        while (m.find()) {
            values.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return values;
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(form);
        changed.put(name, value);
        return changed;
    }

    private String get(String path) throws Exception {
        HttpResponse<String> answer = send("GET", path, null);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains(path.contains(".xml")
                ? "text/xml" : "application/json");
        return answer.body();
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (form == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            request.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
