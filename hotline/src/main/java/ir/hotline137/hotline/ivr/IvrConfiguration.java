package ir.hotline137.hotline.ivr;

import ir.hotline137.calls.CallLog;
import ir.hotline137.calls.MapDbCallLog;
import ir.hotline137.calls.PostgresCallLog;
import ir.hotline137.hotline.HotlineProperties;
import ir.hotline137.hotline.speech.SpeechIntake;
import ir.hotline137.hotline.store.StoreAssembly;
import ir.hotline137.hotline.store.Stores;
import ir.hotline137.ivr.CallScript;
import ir.hotline137.ivr.IvrSettings;
import ir.hotline137.ivr.callback.CallbackCall;
import ir.hotline137.ivr.escalation.Escalation;
import ir.hotline137.ivr.followup.FollowUp;
import ir.hotline137.ivr.intake.DistrictQuestion;
import ir.hotline137.ivr.intake.Intake;
import ir.hotline137.ivr.mayor.MayorCall;
import ir.hotline137.ivr.meeting.MeetingRegistrationCall;
import ir.hotline137.ivr.menu.MainMenu;
import ir.hotline137.ivr.notice.NoticeCall;
import ir.hotline137.ivr.server.FastAgiServer;
import ir.hotline137.ivr.speech.RecordingFolder;
import ir.hotline137.ivr.speech.SpeechCapture;
import ir.hotline137.mayor.line.MayorLine;
import ir.hotline137.mayor.meeting.MeetingDesk;
import ir.hotline137.outbound.callback.CallbackDesk;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.prompts.PromptCatalogue;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.store.DataFolder;
import ir.hotline137.switchboard.LocalSwitchboard;
import ir.hotline137.switchboard.PostgresSwitchboard;
import ir.hotline137.switchboard.Switchboard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The phone side: the switchboard's live queue, the call flows, and the FastAGI server Asterisk calls.
 */
@Configuration(proxyBeanMethods = false)
public class IvrConfiguration {

    /** In memory on one node; on a cluster, shared by every node through PostgreSQL (closed with the context). */
    @Bean
    Switchboard switchboard(Stores stores, Clock clock) {
        return stores.pick(storage -> new LocalSwitchboard(clock),
                database -> PostgresSwitchboard.open(database, stores.node(), clock, StoreAssembly.BEAT));
    }

    @Bean(destroyMethod = "close")
    CallLog callLog(Stores stores) {
        return stores.pick(MapDbCallLog::open, PostgresCallLog::open);
    }

    @Bean
    IvrSettings ivrSettings(HotlineProperties properties, DataFolder folder) {
        return properties.ivr().settings(folder.recordingsFolder(), properties.timeZone());
    }

    /** Loaded before the FastAGI server starts, so no call arrives before the system can hear it. */
    @Bean(destroyMethod = "close")
    SpeechIntake speechIntake(HotlineProperties properties) {
        return SpeechIntake.start(properties);
    }

    @Bean
    SpeechCapture speechCapture(SpeechIntake intake) {
        return intake.capture();
    }

    @Bean
    CallScript callScript(RequestDesk desk, Switchboard switchboard, CallbackDesk callbacks, MayorLine mayorLine,
                          MeetingDesk meetings, SpeechCapture speech, CallLog callLog, IvrSettings settings,
                          HotlineProperties properties, Clock clock) {
        RecordingFolder recordings = new RecordingFolder(settings.recordings(), settings.zone(),
                properties.recordings().sharing());
        DistrictQuestion districts = new DistrictQuestion(desk.districts().keySet(), settings.tries());
        Intake intake = new Intake(desk, districts, speech, recordings, settings, clock);
        MeetingRegistrationCall meetingCall = new MeetingRegistrationCall(meetings, districts, speech, recordings,
                settings, clock);
        return new CallScript(
                new MainMenu(settings.tries(), mayorLine, meetingCall::isOpen),
                intake,
                new FollowUp(desk, PromptCatalogue.persian(), settings),
                new Escalation(switchboard, desk, callbacks, districts, speech, recordings, settings, clock),
                new MayorCall(mayorLine, intake, districts, speech, recordings, settings, clock),
                meetingCall, callLog, settings, clock);
    }

    /** The script of the calls the hotline places to tell citizens of their requests, once answered. */
    @Bean
    NoticeCall noticeCall(Outbox outbox, CallbackDesk callbacks, MeetingDesk meetings, RequestDesk desk,
                          Switchboard switchboard, SpeechCapture speech, IvrSettings settings,
                          HotlineProperties properties, Clock clock) {
        RecordingFolder recordings = new RecordingFolder(settings.recordings(), settings.zone(),
                properties.recordings().sharing());
        DistrictQuestion districts = new DistrictQuestion(desk.districts().keySet(), settings.tries());
        HotlineProperties.Outbound outbound = properties.outbound();
        return new NoticeCall(outbox,
                new CallbackCall(callbacks, number -> outbound.dialString().replace("{number}", number),
                        outbound.ringTime()),
                meetings, desk, new FollowUp(desk, PromptCatalogue.persian(), settings),
                new Escalation(switchboard, desk, callbacks, districts, speech, recordings, settings, clock), speech,
                recordings, settings, clock);
    }

    @Bean(destroyMethod = "close")
    FastAgiServer fastAgiServer(CallScript script, NoticeCall noticeCall, HotlineProperties properties) {
        try {
            return FastAgiServer.start(properties.fastagi().settings(),
                    Map.of(FastAgiServer.SCRIPT, script, NoticeCall.SCRIPT, noticeCall));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for FastAGI on " + properties.fastagi().bind() + ":"
                    + properties.fastagi().port() + " (hotline.fastagi.port): " + e.getMessage(), e);
        }
    }
}
