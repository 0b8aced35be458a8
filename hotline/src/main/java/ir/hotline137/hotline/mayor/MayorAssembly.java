package ir.hotline137.hotline.mayor;

import ir.hotline137.hotline.HotlineProperties;
import ir.hotline137.mayor.MayorSettings;
import ir.hotline137.mayor.directive.Directives;
import ir.hotline137.mayor.file.MapDbCallerFiles;
import ir.hotline137.mayor.line.MayorLine;
import ir.hotline137.mayor.log.MapDbMayorSessionLog;
import ir.hotline137.mayor.log.MayorSessionLog;
import ir.hotline137.mayor.log.SessionRecorder;
import ir.hotline137.mayor.meeting.MapDbMeetings;
import ir.hotline137.mayor.meeting.MeetingDesk;
import ir.hotline137.mayor.report.SessionReports;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.store.Storage;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mayor on the line, whichever screens there are: the live line, which keeps its own session log, the reports
 * and the directives. The phone side and the console both use these.
 */
@Configuration(proxyBeanMethods = false)
public class MayorAssembly {

    @Bean(destroyMethod = "close")
    MayorSessionLog mayorSessionLog(Storage storage) {
        return MapDbMayorSessionLog.open(storage);
    }

    @Bean
    MapDbCallerFiles callerFiles(Storage storage) {
        return MapDbCallerFiles.open(storage);
    }

    @Bean
    MayorLine mayorLine(Clock clock, MayorSessionLog sessions, HotlineProperties properties) {
        return new MayorLine(clock, new SessionRecorder(sessions), properties.mayor().expectedConversation());
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
    MeetingDesk meetingDesk(Storage storage, RequestDesk desk, MayorSettings settings, HotlineProperties properties,
                            Clock clock) {
        return new MeetingDesk(MapDbMeetings.open(storage), desk, settings,
                properties.mayor().meetings().settings(), clock);
    }
}
