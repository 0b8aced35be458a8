package ir.hotline137.console;

import ir.hotline137.calls.CallLog;
import ir.hotline137.calls.MapDbCallLog;
import ir.hotline137.console.login.LoginSettings;
import ir.hotline137.console.open311.DistrictBoundaries;
import ir.hotline137.console.open311.MapDbApiClients;
import ir.hotline137.console.open311.Open311Settings;
import ir.hotline137.console.people.MapDbPeople;
import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.console.security.ConsoleUsers;
import ir.hotline137.console.security.Role;
import ir.hotline137.console.sessions.MapDbSessions;
import ir.hotline137.console.shift.MapDbShifts;
import ir.hotline137.console.units.StandardResults;
import ir.hotline137.console.units.UnitSettings;
import ir.hotline137.figures.FiguresReport;
import ir.hotline137.figures.FollowUpFigures;
import ir.hotline137.mayor.MayorSettings;
import ir.hotline137.mayor.directive.Directives;
import ir.hotline137.mayor.file.MapDbCallerFiles;
import ir.hotline137.mayor.line.MayorLine;
import ir.hotline137.mayor.log.MapDbMayorSessionLog;
import ir.hotline137.mayor.log.MayorSessionLog;
import ir.hotline137.mayor.log.SessionRecorder;
import ir.hotline137.mayor.meeting.MapDbMeetings;
import ir.hotline137.mayor.meeting.MeetingDesk;
import ir.hotline137.mayor.meeting.MeetingKind;
import ir.hotline137.mayor.meeting.MeetingSettings;
import ir.hotline137.mayor.report.SessionReports;
import ir.hotline137.outbound.callback.CallbackDesk;
import ir.hotline137.outbound.callback.MapDbCallbacks;
import ir.hotline137.outbound.dispatch.CallSettings;
import ir.hotline137.outbound.outbox.MapDbOutbox;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.requests.Desks;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.store.RequestStore;
import ir.hotline137.switchboard.LocalSwitchboard;
import ir.hotline137.switchboard.Switchboard;
import ir.hotline137.testsupport.ShippedSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The console on its own, for its tests: the real requests core on a fresh data folder, the real switchboard and
 * mayor's line, and a few people. No phones: a test puts callers on the switchboard as the IVR would. Spring keeps
 * one such application for all the console's test classes, so a test makes the state it needs rather than assume an
 * empty one.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ConsoleModule.class)
public class ConsoleTestApplication {
    /** The unit {@code unit6} works for. */
    public static final String UNIT_SIX = "فنی و عمرانی منطقه ۶";

    /**
     * The people who may log in, with clear test passwords: {@code maryam} and {@code reza} (agents), {@code boss}
     * (supervisor), {@code host} (moderator), {@code mayor}; {@code ali} and {@code sara} (agents) are locked out by
     * LoginTest and used by nobody else; {@code nadia}
     * (agent) goes away and back in ShiftApiTest; {@code unit6} is a unit.
     */
    public static final List<ConsoleUser> PEOPLE = List.of(
            person("maryam", "agent-secret", Role.AGENT, "PJSIP/101"),
            person("reza", "other-secret", Role.AGENT, "PJSIP/102"),
            person("boss", "boss-secret", Role.SUPERVISOR, null),
            person("host", "host-secret", Role.MODERATOR, "PJSIP/200"),
            person("mayor", "mayor-secret", Role.MAYOR, "PJSIP/mayor-studio"),
            person("ali", "ali-secret", Role.AGENT, "PJSIP/103"),
            person("sara", "sara-secret", Role.AGENT, "PJSIP/104"),
            person("nadia", "nadia-secret", Role.AGENT, "PJSIP/105"),
            new ConsoleUser("unit6", "{noop}unit-secret", Set.of(Role.UNIT), Optional.empty(),
                    Optional.of(UNIT_SIX)));

    private static ConsoleUser person(String name, String password, Role role, String phone) {
        return ConsoleUser.of(name, "{noop}" + password, Set.of(role), Optional.ofNullable(phone));
    }

    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of(ShippedSettings.load().text("hotline.time-zone")));
    }

    /** A fresh data folder, unless {@code console-test.data-dir} names one (a restart test starts twice on it). */
    @Bean(destroyMethod = "close")
    Desks desks(Clock clock, Environment environment) throws IOException {
        String given = environment.getProperty("console-test.data-dir");
        return new Desks(given != null ? Path.of(given) : Files.createTempDirectory("console-test"), clock);
    }

    @Bean
    RequestDesk requestDesk(Desks desks) {
        return desks.desk;
    }

    @Bean
    RequestStore requestStore(Desks desks) {
        return desks.store;
    }

    @Bean
    CallLog callLog(Desks desks) {
        return MapDbCallLog.open(desks.storage);
    }

    @Bean
    FiguresReport figuresReport(RequestStore store, CallLog calls, Clock clock) {
        return new FiguresReport(store, calls, Desks.DISTRICTS, Desks.CATEGORIES, clock);
    }

    @Bean
    Switchboard switchboard(Clock clock) {
        return new LocalSwitchboard(clock);
    }

    @Bean
    MayorSessionLog mayorSessionLog(Desks desks) {
        return MapDbMayorSessionLog.open(desks.storage);
    }

    @Bean
    MayorLine mayorLine(Clock clock, MayorSessionLog sessions) {
        return new MayorLine(clock, new SessionRecorder(sessions),
                ShippedSettings.load().duration("hotline.mayor.expected-conversation"));
    }

    @Bean
    MapDbCallerFiles callerFiles(Desks desks) {
        return MapDbCallerFiles.open(desks.storage);
    }

    @Bean
    MayorSettings mayorSettings(Clock clock) {
        return new MayorSettings(ShippedSettings.load().integer("hotline.mayor.directive-days"), clock.getZone());
    }

    @Bean
    SessionReports sessionReports(MayorSessionLog sessions, RequestDesk desk, MayorSettings settings, Clock clock) {
        return new SessionReports(sessions, desk, settings, clock);
    }

    @Bean
    Directives directives(MayorLine line, MayorSessionLog sessions, RequestDesk desk, MayorSettings settings,
                          Clock clock) {
        return new Directives(line, sessions, desk, settings, clock);
    }

    /** The mayor's public meetings, on the test store. */
    @Bean
    MeetingDesk meetingDesk(Desks desks, MayorSettings settings, Clock clock) {
        ShippedSettings shipped = ShippedSettings.load();
        return new MeetingDesk(MapDbMeetings.open(desks.storage), desks.desk, settings, new MeetingSettings(shipped.integers("hotline.mayor.meetings.follow-up-days").entrySet().stream()
                        .collect(Collectors.toMap(e -> MeetingKind.valueOf(e.getKey()), Map.Entry::getValue)),
                        shipped.integer("hotline.mayor.meetings.slots-per-official"),
                        shipped.duration("hotline.mayor.meetings.per-citizen")), clock);
    }

    /**
     * As shipped, except that one address may fail without limit: every test logs in from 127.0.0.1, so the
     * address's lock would fall on tests that never meant to guess. LoginThrottleTest locks addresses.
     */
    @Bean
    LoginSettings loginSettings() {
        ShippedSettings shipped = ShippedSettings.load();
        return new LoginSettings(shipped.integer("hotline.login.user-failures"), Integer.MAX_VALUE,
                shipped.duration("hotline.login.lockout"), shipped.duration("hotline.login.max-lockout"),
                shipped.duration("hotline.login.session-idle"));
    }

    @Bean
    MapDbSessions consoleSessions(Desks desks) {
        return MapDbSessions.open(desks.storage);
    }

    /** As shipped: units do not see callers' numbers. */
    @Bean
    UnitSettings unitSettings() {
        return new UnitSettings(ShippedSettings.load().flag("hotline.units.show-caller-number"));
    }

    @Bean
    StandardResults standardResults() {
        return new StandardResults(List.of("خرابی برطرف شد.", "پسماند جمع‌آوری شد."));
    }

    @Bean
    FollowUpFigures followUpFigures(RequestStore store, Clock clock) {
        return new FollowUpFigures(store, Desks.DISTRICTS, Desks.CATEGORIES, clock);
    }

    @Bean
    Outbox outbox(Desks desks) {
        return MapDbOutbox.open(desks.storage);
    }

    /** No manager interface here: agents record by hand how the callbacks they made went. */
    @Bean(destroyMethod = "close")
    CallbackDesk callbackDesk(Desks desks, Clock clock) {
        return new CallbackDesk(MapDbCallbacks.open(desks.storage), Optional::empty,
                new CallSettings(1, 3, Duration.ofHours(1)), clock);
    }

    @Bean
    MapDbApiClients open311Clients(Desks desks) {
        return MapDbApiClients.open(desks.storage);
    }

    /** As shipped; any channel's requests are listed only where a test says so. */
    @Bean
    Open311Settings open311Settings() {
        ShippedSettings shipped = ShippedSettings.load();
        return new Open311Settings(shipped.text("hotline.open311.contact"),
                shipped.integer("hotline.open311.posts-per-minute"), shipped.integer("hotline.open311.reads-per-minute"),
                shipped.flag("hotline.open311.list-every-channel"));
    }

    /** Districts 6 and 7 as two squares side by side, with a pond cut out of district 6 (test-districts.geojson). */
    @Bean
    DistrictBoundaries districtBoundaries() throws Exception {
        return DistrictBoundaries.read(Path.of(ConsoleTestApplication.class.getResource("/test-districts.geojson")
                .toURI()));
    }

    @Bean
    MapDbShifts agentShifts(Desks desks) {
        return MapDbShifts.open(desks.storage);
    }

    @Bean
    ConsoleUsers consoleUsers(Desks desks, Clock clock) {
        return ConsoleUsers.of(PEOPLE, MapDbPeople.open(desks.storage), clock);
    }
}
