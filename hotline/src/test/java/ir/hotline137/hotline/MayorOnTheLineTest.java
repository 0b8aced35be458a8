package ir.hotline137.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.calls.CallLog;
import ir.hotline137.calls.CallOutcome;
import ir.hotline137.calls.CallRecord;
import ir.hotline137.console.TestApi;
import ir.hotline137.ivr.server.FastAgiServer;
import ir.hotline137.mayor.line.MayorLine;
import ir.hotline137.mayor.line.MayorTopic;
import ir.hotline137.mayor.line.ScreeningState;
import ir.hotline137.recognizer.TestModel;
import ir.hotline137.recognizer.TestSentences;
import ir.hotline137.recognizer.TestSpeech;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestSource;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.switchboard.CallId;
import ir.hotline137.testsupport.Eventually;
import ir.hotline137.testsupport.asterisk.CallTranscript;
import ir.hotline137.testsupport.asterisk.Caller;
import ir.hotline137.testsupport.asterisk.FakeAsterisk;
import ir.hotline137.testsupport.asterisk.FakeCall;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole "mayor on the line" programme through the running application: callers on the fake Asterisk saying
 * their topics aloud (heard by the real English model), the supervisor, the moderator and the mayor in a real
 * browser, directives, and the report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MayorOnTheLineTest {
    private static final Duration SOON = Duration.ofSeconds(20);
    private static final String MAYOR_PHONE = "PJSIP/mayor-studio";
    private static final String SUPERVISOR = TestApi.basic("sara", "sara-secret");
    private static final String MODERATOR = TestApi.basic("mina", "mina-secret");
    private static final String MAYOR = TestApi.basic("mayor", "mayor-secret");
    private static final String AGENT = TestApi.basic("maryam", "agent-secret");

    static ChromeDriver browser;

    @DynamicPropertySource
    static void people(DynamicPropertyRegistry registry) throws Exception {
        TestApplication.isolated(registry, "hotline-mayor");
        // Recorded, then transcribed from the file: the topics are heard by the real model.
        registry.add("hotline.recognizer.model", () -> TestModel.folder().toAbsolutePath().toString());
        registry.add("hotline.recognizer.capture", () -> "record");
        registry.add("hotline.mayor.directive-days", () -> "30");
        TestApplication.user(registry, 0, "sara", "sara-secret", "SUPERVISOR", null);
        TestApplication.user(registry, 1, "mina", "mina-secret", "MODERATOR", null);
        TestApplication.user(registry, 2, "mayor", "mayor-secret", "MAYOR", MAYOR_PHONE);
        TestApplication.user(registry, 3, "maryam", "agent-secret", "AGENT", "PJSIP/101");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    FastAgiServer fastAgi;

    @Autowired
    MayorLine line;

    @Autowired
    RequestDesk desk;

    @Autowired
    CallLog callLog;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = TestBrowser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aProgrammeFromOpeningToTheReport() throws Exception {
        String deadline = LocalDate.now(ZoneId.of("Asia/Tehran")).plusDays(7).toString();
        TestSentences.Sentence lights = TestSentences.ALL.get(0);
        TestSentences.Sentence garbage = TestSentences.ALL.get(1);
        TestSentences.Sentence noise = TestSentences.ALL.get(5);
        TestSentences.Sentence flooding = TestSentences.ALL.get(3);
        TestSentences.Sentence sidewalk = TestSentences.ALL.get(13);

        // The supervisor opens the programme on the moderator's screen.
        logIn("sara", "sara-secret", "/#/moderator");
        waitFor(By.id("mayor-title")).sendKeys("بی‌واسطه با مردم");
        browser.findElement(By.id("mayor-open-session")).click();
        WebElement name = waitFor(By.id("mayor-session-name"));
        assertThat(name.getText()).isEqualTo("بی‌واسطه با مردم");
        String sessionId = line.current().orElseThrow().id();

        try (FakeAsterisk asterisk = new FakeAsterisk("127.0.0.1", fastAgi.port())) {
            // The line keeps the order in which callers finished telling their topic: the first is in line before
            // the others call, so that "the mayor takes the first" below means this caller.
            FakeCall first = asterisk.dial(caller("09121110001", "6", lights));
            Eventually.await(() -> line.caller(new CallId(first.uniqueId())).isPresent(), Duration.ofSeconds(60));
            FakeCall second = asterisk.dial(caller("09121110002", "3", garbage));
            FakeCall turnedAway = asterisk.dial(caller("09121110003", "4", noise).presses("1"));

            // The moderator screens them.
            logIn("mina", "mina-secret", "/#/moderator");
            WebElement firstCard = card(first);
            assertThat(firstCard.getText()).contains(lights.keyWords().getFirst()).contains("۰۹۱۲۱۱۱۰۰۰۱");
            card(second);
            card(turnedAway);
            TestBrowser.screenshot(browser, "moderator-three-callers");
            click(first, "approve");
            click(second, "approve");
            click(turnedAway, "reject");
            WebElement rejectedRow = waitFor(By.cssSelector("#screening tr[data-call-id='" + turnedAway.uniqueId()
                    + "'][data-state='REJECTED']"));
            assertThat(rejectedRow.getText()).as("kept on the list with its reason").contains("موضوع شخصی");

            // Turned away, the caller registers the topic as a normal request without saying it again.
            CallTranscript rejected = turnedAway.awaitEnd(SOON);
            assertThat(rejected.played()).containsSubsequence("hotline137/mayor-rejected", "hotline137/mayor-intake-offer",
                    "hotline137/registered");
            CitizenRequest fallback = desk.findByCaller("09121110003", 5).getFirst();
            assertThat(fallback.description()).contains(noise.keyWords());
            assertThat(fallback.district()).isEqualTo(4);

            // A fourth caller is approved, then hangs up while waiting: gone from the mayor's list.
            FakeCall leaver = asterisk.dial(caller("09121110004", "2", flooding));
            card(leaver);
            click(leaver, "approve");
            logIn("mayor", "mayor-secret", "/#/mayor");
            waitFor(By.cssSelector("#mayor-upcoming [data-call-id='" + leaver.uniqueId() + "']"));
            assertThat(browser.findElements(By.cssSelector("#mayor-upcoming [data-call-id]"))).hasSize(3);
            leaver.hangUp();
            new WebDriverWait(browser, SOON).until(ExpectedConditions.invisibilityOfElementLocated(
                    By.cssSelector("#mayor-upcoming [data-call-id='" + leaver.uniqueId() + "']")));
            assertThat(browser.findElements(By.cssSelector("#mayor-upcoming [data-call-id]"))).hasSize(2);
            TestBrowser.screenshot(browser, "mayor-screen");

            // The mayor takes the first: the IVR starts recording, then dials the mayor's phone.
            press(waitFor(By.cssSelector("#mayor-next:enabled")));
            CallTranscript talked = first.awaitEnd(SOON);
            List<String> commands = talked.commands();
            int recordAt = firstIndex(commands, "MixMonitor");
            int dialAt = firstIndex(commands, "Dial");
            assertThat(recordAt).isNotNegative().isLessThan(dialAt);
            assertThat(talked.executed("Dial")).singleElement().asString().contains(MAYOR_PHONE);
            String recording = talked.executed("MixMonitor").getFirst().split(",")[0];

            // The mayor writes the directive for the caller just heard.
            WebElement form = waitFor(By.cssSelector("#mayor-directive-box form[data-call-id='" + first.uniqueId() + "']"));
            form.findElement(By.name("unit")).sendKeys("معاونت حمل و نقل و ترافیک");
            form.findElement(By.name("text")).sendKeys("چراغ‌های خیابان تا پایان هفته روشن شود");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            waitFor(By.cssSelector(".notice-success"));
            CitizenRequest directive = directiveOf(first);
            assertThat(directive.source()).isEqualTo(RequestSource.MAYOR_SESSION);
            assertThat(directive.status()).isEqualTo(RequestStatus.REFERRED);
            assertThat(directive.referral().orElseThrow().unit()).isEqualTo("معاونت حمل و نقل و ترافیک");
            assertThat(directive.referral().orElseThrow().deadline())
                    .isEqualTo(LocalDate.now(ZoneId.of("Asia/Tehran")).plusDays(30));
            assertThat(directive.audioReference()).contains(recording);
            assertThat(directive.district()).isEqualTo(6);

            // ...and the second; the moderator writes this directive through the API, with a deadline.
            press(waitFor(By.cssSelector("#mayor-next:enabled")));
            second.awaitEnd(SOON);
            HttpResponse<String> given = send("POST", "/api/mayor/calls/" + second.uniqueId() + "/directive", MODERATOR,
                    "{\"unit\":\"شهردار منطقه ۳\",\"assignee\":\"آقای کریمی\",\"deadline\":\"" + deadline
                            + "\",\"text\":\"برنامهٔ جمع‌آوری زباله بازبینی شود\"}");
            assertThat(given.statusCode()).as(given.body()).isEqualTo(201);

            // A caller still waiting when the programme closes is offered the normal intake.
            FakeCall late = asterisk.dial(caller("09121110005", "9", sidewalk).presses("1"));
            Eventually.await(() -> line.caller(new CallId(late.uniqueId())).isPresent(), SOON);
            logIn("sara", "sara-secret", "/#/moderator");
            card(late);
            waitFor(By.id("mayor-close-session")).click();
            browser.switchTo().alert().accept();
            CallTranscript dismissed = late.awaitEnd(SOON);
            assertThat(dismissed.played()).containsSubsequence("hotline137/mayor-session-closed",
                    "hotline137/mayor-intake-offer", "hotline137/registered");
            assertThat(desk.findByCaller("09121110005", 5).getFirst().description()).contains(sidewalk.keyWords());
            assertThat(recordOf(leaver).outcome()).isEqualTo(CallOutcome.MAYOR_ABANDONED);
            assertThat(recordOf(first).outcome()).isEqualTo(CallOutcome.MAYOR_TALKED);
        }

        // The report, on its printable page and as CSV.
        browser.navigate().to(url("/#/mayor/report/" + sessionId));
        waitFor(By.id("mayor-report"));
        assertThat(outcomeOnPage(sessionId, "TALKED")).hasSize(2);
        assertThat(outcomeOnPage(sessionId, "REJECTED")).hasSize(1);
        assertThat(outcomeOnPage(sessionId, "ABANDONED")).hasSize(1);
        assertThat(outcomeOnPage(sessionId, "SESSION_CLOSED")).hasSize(1);
        assertThat(browser.findElements(By.cssSelector(".mayor-report-directive"))).hasSize(2);
        TestBrowser.screenshot(browser, "mayor-session-report");

        HttpResponse<String> json = send("GET", "/api/mayor/sessions/" + sessionId + "/report", SUPERVISOR, null);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"talked\":2", "\"rejected\":1", "\"abandoned\":1",
                "\"dismissedAtClosing\":1", "\"directives\":2", "آقای کریمی", deadline);
        HttpResponse<String> csv = send("GET", "/api/mayor/sessions/" + sessionId + "/report?format=csv", MAYOR, null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> rows = csv.body().lines().toList();
        assertThat(rows.getFirst()).startsWith("\uFEFFcall_id,");
        assertThat(rows).hasSize(1 + 5).filteredOn(r -> r.contains(",TALKED,")).hasSize(2);
        assertThat(rows).anyMatch(r -> r.contains("شهردار منطقه ۳") && r.contains(deadline));
    }

    @Test
    void aScreenerOrdersEightCallersFromTheKeyboardAndTheMayorSeesNotesFlagsAndMessages() throws Exception {
        HttpResponse<String> opened = send("POST", "/api/mayor/sessions", SUPERVISOR, "{\"title\":\"شهردار پاسخ می‌دهد\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String sessionId = field(opened.body(), "id");
        try (FakeAsterisk asterisk = new FakeAsterisk("127.0.0.1", fastAgi.port())) {
            // Two callers on the phone (the ones the mayor takes), six more put on the line as the IVR does.
            // Each talks to the mayor until they hang up, so the call is seen on air.
            FakeCall bus = asterisk.dial(caller("09122220001", "6", TestSentences.ALL.get(0)).talksFor(Duration.ofMinutes(5)));
            Eventually.await(() -> line.caller(new CallId(bus.uniqueId())).isPresent(), Duration.ofSeconds(60));
            FakeCall park = asterisk.dial(caller("09122220002", "3", TestSentences.ALL.get(1)).talksFor(Duration.ofMinutes(5)));
            Eventually.await(() -> line.caller(new CallId(park.uniqueId())).isPresent(), Duration.ofSeconds(60));
            List<String> others = new ArrayList<>();
            for (int i = 3; i <= 8; i++) {
                String id = "screening." + i + "." + System.nanoTime();
                line.join(new CallId(id), new MayorTopic(Optional.of("0912222000" + i), Optional.of(i),
                        Optional.of("موضوع تماس‌گیرندهٔ " + i), Optional.empty()));
                others.add(id);
            }
            String blocked = others.get(1);
            String undone = others.get(2);
            String rejected = others.get(3);

            logIn("mina", "mina-secret", "/#/moderator");
            new WebDriverWait(browser, SOON).until(d -> d.findElements(By.cssSelector("#screening tr[data-call-id]")).size() == 8);
            WebElement table = browser.findElement(By.id("screening"));

            // The first row is selected: approve it, then the second, and make the second the mayor's next.
            table.sendKeys("a");
            awaitState(bus.uniqueId(), ScreeningState.APPROVED);
            table.sendKeys(Keys.ARROW_DOWN, "a");
            awaitState(park.uniqueId(), ScreeningState.APPROVED);
            table.sendKeys("x");
            Eventually.await(() -> line.designatedNext().filter(id -> id.value().equals(park.uniqueId())).isPresent(), SOON);
            waitFor(By.cssSelector(rowSelector(park.uniqueId()) + ".is-next"));
            // A note for the mayor, from the keyboard.
            table.sendKeys("n");
            WebElement note = browser.switchTo().activeElement();
            assertThat(note.getAttribute("id")).isEqualTo("screening-note");
            note.sendKeys("درباره‌ی پارک محله؛ کوتاه صحبت می‌کند", Keys.ENTER);
            Eventually.await(() -> line.caller(new CallId(park.uniqueId())).orElseThrow().notes().size() == 1, SOON);
            note.sendKeys(Keys.ESCAPE);

            // The third caller moves up to first place.
            table.sendKeys(Keys.ARROW_DOWN);
            waitFor(By.cssSelector(rowSelector(others.getFirst()) + ".is-selected"));
            table.sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_UP));
            Eventually.await(() -> line.caller(new CallId(others.getFirst())).orElseThrow().position() == 2, SOON);
            table.sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_UP));
            Eventually.await(() -> line.caller(new CallId(others.getFirst())).orElseThrow().position() == 1, SOON);

            // A caller is flagged: blocked, with a note kept for every later call from the number.
            TestBrowser.click(browser, waitFor(rowOf(blocked)));
            table.sendKeys("f");
            WebElement warning = browser.switchTo().activeElement();
            assertThat(warning.getAttribute("value")).isEqualTo("WARNING");
            browser.findElement(By.id("screening-flag-BLOCKED")).click();
            browser.findElement(By.id("screening-file-note")).sendKeys("در برنامهٔ پیش توهین کرد");
            browser.findElement(By.id("screening-file-save")).click();
            waitFor(By.cssSelector(rowSelector(blocked) + ".is-blocked [data-flag='BLOCKED']"));
            // ...and so is the caller the mayor will take: an official.
            TestBrowser.click(browser, waitFor(rowOf(park.uniqueId())));
            waitFor(By.id("screening-flag-OFFICIAL")).click();
            browser.findElement(By.id("screening-file-save")).click();
            waitFor(By.cssSelector(rowSelector(park.uniqueId()) + " [data-flag='OFFICIAL']"));

            // A rejection taken back within its seconds, and one that stands, with its reason.
            TestBrowser.click(browser, waitFor(rowOf(undone)));
            table.sendKeys("r");
            browser.switchTo().activeElement().sendKeys("اشتباه", Keys.ENTER);
            waitFor(By.cssSelector(rowSelector(undone) + ".is-pending-reject"));
            table.sendKeys("u");
            new WebDriverWait(browser, SOON).until(ExpectedConditions.not(ExpectedConditions.attributeContains(
                    rowOf(undone), "class", "is-pending-reject")));
            TestBrowser.click(browser, waitFor(rowOf(rejected)));
            table.sendKeys("r");
            browser.switchTo().activeElement().sendKeys("پرسش شخصی، نه شهری", Keys.ENTER);
            awaitState(rejected, ScreeningState.REJECTED);
            assertThat(waitFor(By.cssSelector(rowSelector(rejected) + "[data-state='REJECTED']")).getText())
                    .contains("پرسش شخصی، نه شهری");

            // A message to the mayor.
            browser.findElement(By.id("mayor-message-text")).sendKeys("دو دقیقه تا خبر ساعت", Keys.ENTER);
            waitFor(By.xpath("//ol[@id='mayor-messages']/li[contains(., 'دو دقیقه تا خبر ساعت')]"));
            assertNoNullText("moderator");
            browser.executeScript("window.scrollTo(0, 0)");
            TestBrowser.screenshot(browser, "moderator-screening-eight-callers");

            // The mayor sees the designated caller first, with the note, the flag and the message.
            logIn("mayor", "mayor-secret", "/#/mayor");
            WebElement upNext = waitFor(By.cssSelector("#mayor-upcoming li[data-call-id='" + park.uniqueId() + "']"));
            assertThat(browser.findElements(By.cssSelector("#mayor-upcoming li[data-call-id]")).getFirst().getAttribute("data-call-id"))
                    .isEqualTo(park.uniqueId());
            assertThat(upNext.getText()).contains("درباره‌ی پارک محله؛ کوتاه صحبت می‌کند", "مقام رسمی", "نفر بعدی");
            assertThat(waitFor(By.id("mayor-messages")).getText()).contains("دو دقیقه تا خبر ساعت");
            assertNoNullText("mayor before");

            // The mayor takes the designated caller: on air, locked, timed; "next" cannot put another through.
            press(waitFor(By.cssSelector("#mayor-next:enabled")));
            assertThat(park.awaitCommand("EXEC Dial", SOON)).contains(MAYOR_PHONE);
            WebElement onAir = waitFor(By.cssSelector("#mayor-current[data-call-id='" + park.uniqueId() + "']"));
            assertThat(waitFor(By.id("mayor-on-air-lock")).getText()).isEqualTo("قفل روی خط");
            String started = waitFor(By.id("mayor-on-air-timer")).getText();
            new WebDriverWait(browser, SOON).until(d -> !d.findElement(By.id("mayor-on-air-timer")).getText().equals(started));
            assertThat(onAir.getText()).contains("درباره‌ی پارک محله؛ کوتاه صحبت می‌کند", "مقام رسمی");
            assertThat(browser.findElement(By.id("mayor-next")).isEnabled()).isFalse();
            assertThat(browser.findElements(By.cssSelector("#mayor-current button"))).as("nothing on screen drops the call")
                    .isEmpty();
            HttpResponse<String> secondClick = send("POST", "/api/mayor/next", MAYOR, null);
            assertThat(secondClick.statusCode()).isEqualTo(409);
            assertThat(field(secondClick.body(), "code")).isEqualTo("still-on-air");
            assertNoNullText("mayor on air");
            TestBrowser.screenshot(browser, "mayor-on-air-locked");

            WebElement form = waitFor(By.cssSelector("#mayor-directive-box form[data-call-id='" + park.uniqueId() + "']"));
            form.findElement(By.name("unit")).sendKeys("شهردار منطقه ۳");
            form.findElement(By.name("text")).sendKeys("نیمکت‌های پارک تا پایان ماه تعمیر شود");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            waitFor(By.cssSelector(".notice-success"));
            park.hangUp();
            park.awaitEnd(SOON);

            // Then the next in line: the first approved, since nobody is designated now.
            press(waitFor(By.cssSelector("#mayor-next:enabled")));
            assertThat(bus.awaitCommand("EXEC Dial", SOON)).contains(MAYOR_PHONE);
            bus.hangUp();
            bus.awaitEnd(SOON);
            assertThat(line.caller(new CallId(undone)).orElseThrow().state()).as("the rejection taken back never happened")
                    .isEqualTo(ScreeningState.AWAITING_SCREENING);

            // The report: each caller, the reason for the rejection, the directive with today's status.
            browser.navigate().to(url("/#/mayor/report/" + sessionId));
            WebElement report = waitFor(By.id("mayor-report"));
            assertThat(report.getText()).contains("پرسش شخصی، نه شهری", "شهردار منطقه ۳", "ارجاع");
            assertNoNullText("report");
            TestBrowser.screenshot(browser, "mayor-report-with-directive-status");
        } finally {
            line.current().ifPresent(open -> line.close(open.id(), "test"));
        }
    }

    private void awaitState(String callId, ScreeningState wanted) {
        Eventually.await(() -> line.caller(new CallId(callId)).map(c -> c.state() == wanted).orElse(false), SOON);
    }

    /** No screen of the programme shows a value that was missing as the word "null" (or "undefined"). */
    private static void assertNoNullText(String screen) {
        String text = (String) browser.executeScript("return document.body.innerText;");
        assertThat(text).as("the %s screen", screen).doesNotContain("null").doesNotContain("undefined");
    }

    @Test
    void rolesAreEnforcedAndBadBodiesNameTheirField() throws Exception {
        assertThat(send("GET", "/api/mayor/queue", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/mayor/queue", AGENT, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/mayor/sessions", MODERATOR, "{\"title\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/mayor/next", MODERATOR, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/mayor/queue/1.1/approve", MAYOR, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/mayor/queue", MAYOR, null).statusCode()).isEqualTo(200);

        HttpResponse<String> noTitle = send("POST", "/api/mayor/sessions", SUPERVISOR, "{\"title\":\" \"}");
        assertThat(noTitle.statusCode()).isEqualTo(400);
        assertThat(field(noTitle.body(), "field")).isEqualTo("title");
        HttpResponse<String> badEnd = send("POST", "/api/mayor/sessions", SUPERVISOR,
                "{\"title\":\"t\",\"plannedEnd\":\"next week\"}");
        assertThat(badEnd.statusCode()).isEqualTo(400);
        assertThat(field(badEnd.body(), "field")).isEqualTo("plannedEnd");
        HttpResponse<String> noUnit = send("POST", "/api/mayor/calls/1.1/directive", MODERATOR, "{\"text\":\"t\"}");
        assertThat(noUnit.statusCode()).isEqualTo(400);
        assertThat(field(noUnit.body(), "field")).isEqualTo("unit");
        HttpResponse<String> unknownCaller = send("POST", "/api/mayor/calls/1.1/directive", MODERATOR,
                "{\"text\":\"t\",\"unit\":\"u\"}");
        assertThat(unknownCaller.statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/mayor/queue/1.1/approve", MODERATOR, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/mayor/sessions/nope/report", SUPERVISOR, null).statusCode()).isEqualTo(404);
    }

    private static Caller caller(String number, String district, TestSentences.Sentence topic) {
        return Caller.withNumber(number).presses("4").presses(district + "#")
                .speaksThenPressesHash(TestSpeech.telephone(topic.text()));
    }

    private static By rowOf(String callId) {
        return By.cssSelector("#screening tr[data-call-id='" + callId + "']");
    }

    private WebElement card(FakeCall call) {
        return new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(rowOf(call.uniqueId())));
    }

    /** Selects the caller's row with the mouse, then approves or rejects with the detail pane's buttons. */
    private void click(FakeCall call, String action) {
        TestBrowser.click(browser, card(call));
        waitFor(By.cssSelector(rowSelector(call.uniqueId()) + ".is-selected"));
        if (action.equals("approve")) {
            TestBrowser.click(browser, waitFor(By.cssSelector("#screening-detail button[data-action='approve']")));
        } else {
            WebElement reason = waitFor(By.id("screening-reject-reason"));
            reason.sendKeys("موضوع شخصی است، نه شهری");
            TestBrowser.click(browser, browser.findElement(By.cssSelector("#screening-reject-form button[data-action='reject']")));
        }
        ScreeningState wanted = action.equals("approve") ? ScreeningState.APPROVED : ScreeningState.REJECTED;
        Eventually.await(() -> line.caller(new CallId(call.uniqueId())).map(c -> c.state() == wanted).orElse(false),
                SOON);
    }

    private static String rowSelector(String callId) {
        return "#screening tr[data-call-id='" + callId + "']";
    }

    private List<WebElement> outcomeOnPage(String sessionId, String outcome) {
        return browser.findElements(By.cssSelector("#mayor-report tr[data-outcome='" + outcome + "']"));
    }

    private CitizenRequest directiveOf(FakeCall call) {
        Eventually.await(() -> desk.findByCaller(number(call), 10).stream()
                .anyMatch(r -> r.source() == RequestSource.MAYOR_SESSION), SOON);
        return desk.findByCaller(number(call), 10).stream().filter(r -> r.source() == RequestSource.MAYOR_SESSION)
                .findFirst().orElseThrow();
    }

    private String number(FakeCall call) {
        return line.caller(new CallId(call.uniqueId())).orElseThrow().topic().callerNumber().orElseThrow();
    }

    private CallRecord recordOf(FakeCall call) {
        Eventually.await(() -> find(call).isPresent(), SOON);
        return find(call).orElseThrow();
    }

    private Optional<CallRecord> find(FakeCall call) {
        return callLog.between(Instant.EPOCH, Instant.now().plusSeconds(60)).stream()
                .filter(r -> r.callId().equals(call.uniqueId())).findFirst();
    }

    private static int firstIndex(List<String> commands, String application) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).startsWith("EXEC") && commands.get(i).contains(application)) {
                return i;
            }
        }
        return -1;
    }

    /** Logs in afresh as this person and opens the page. */
    private void logIn(String username, String password, String page) {
        TestBrowser.logIn(browser, url(""), username, password);
        waitFor(By.id("main"));
        browser.navigate().to(url(page));
        if (page.contains("moderator") || page.endsWith("/mayor")) {
            waitFor(By.cssSelector("#mayor-live[data-state='open']"));
        }
    }

    /** Clicks with the button in the middle of the window, clear of the top bar that stays in place. */
    private static void press(WebElement button) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    private WebElement waitFor(By what) {
        return new WebDriverWait(browser, SOON).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private HttpResponse<String> send(String method, String path, String authorization, String json) throws Exception {
        return TestApi.send(port, method, path, authorization, json);
    }

    private static String field(String json, String name) {
        return TestApi.field(json, name);
    }
}
