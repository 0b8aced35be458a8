package ir.hotline137.hotline.mayor;

import ir.hotline137.hotline.HotlineProperties;
import ir.hotline137.hotline.store.StoreAssembly;
import ir.hotline137.hotline.store.Stores;
import ir.hotline137.mayor.MayorSettings;
import ir.hotline137.mayor.directive.Directives;
import ir.hotline137.mayor.file.CallerFiles;
import ir.hotline137.mayor.file.MapDbCallerFiles;
import ir.hotline137.mayor.file.PostgresCallerFiles;
import ir.hotline137.mayor.line.MayorLine;
import ir.hotline137.mayor.log.MapDbMayorSessionLog;
import ir.hotline137.mayor.log.MayorSessionLog;
import ir.hotline137.mayor.log.PostgresMayorSessionLog;
import ir.hotline137.mayor.log.SessionRecorder;
import ir.hotline137.mayor.meeting.MapDbMeetings;
import ir.hotline137.mayor.meeting.MeetingDesk;
import ir.hotline137.mayor.meeting.PostgresMeetings;
import ir.hotline137.mayor.report.SessionReports;
import ir.hotline137.requests.RequestDesk;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mayor on the line, whichever screens there are: the live line, which keeps its own session log, the reports
 * and the directives. The phone side and the console both use these.
 */
@Configuration(proxyBeanMethods = false)
public class MayorAssembly {

    @Bean(destroyMethod = "close")
    MayorSessionLog mayorSessionLog(Stores stores) {
        return stores.pick(MapDbMayorSessionLog::open, PostgresMayorSessionLog::open);
    }

    @Bean
    CallerFiles callerFiles(Stores stores) {
        return stores.pick(MapDbCallerFiles::open, PostgresCallerFiles::open);
    }

    /** In memory on one node; on a cluster, shared by every node through PostgreSQL. */
    @Bean(destroyMethod = "close")
    MayorLine mayorLine(Clock clock, MayorSessionLog sessions, HotlineProperties properties, Stores stores) {
        SessionRecorder keeper = new SessionRecorder(sessions);
        Duration expected = properties.mayor().expectedConversation();
        return stores.pick(storage -> new MayorLine(clock, keeper, expected),
                database -> MayorLine.shared(clock, keeper, expected, database, stores.node(), StoreAssembly.BEAT));
    }

    @Bean
    MayorSettings mayorSettings(HotlineProperties properties) {
        return new MayorSettings(properties.mayor().directiveDays(), properties.timeZone());
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

    /** The mayor's public meetings, kept in meetings.mapdb. */
    @Bean
    MeetingDesk meetingDesk(Stores stores, RequestDesk desk, MayorSettings settings, HotlineProperties properties,
                            Clock clock) {
        return new MeetingDesk(stores.pick(MapDbMeetings::open, PostgresMeetings::open), desk, settings,
                properties.mayor().meetings().settings(), clock);
    }
}
