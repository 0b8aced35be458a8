package ir.hotline137.ivr;

import ir.hotline137.calls.CallLog;
import ir.hotline137.calls.CallRecord;
import ir.hotline137.calls.MapDbCallLog;
import ir.hotline137.ivr.escalation.Escalation;
import ir.hotline137.ivr.followup.FollowUp;
import ir.hotline137.ivr.intake.DistrictQuestion;
import ir.hotline137.ivr.intake.Intake;
import ir.hotline137.ivr.mayor.MayorCall;
import ir.hotline137.ivr.meeting.MeetingRegistrationCall;
import ir.hotline137.ivr.menu.MainMenu;
import ir.hotline137.ivr.server.FastAgiServer;
import ir.hotline137.ivr.server.FastAgiSettings;
import ir.hotline137.ivr.speech.RecordedSpeechCapture;
import ir.hotline137.ivr.speech.RecordingFolder;
import ir.hotline137.ivr.speech.SpeechCapture;
import ir.hotline137.ivr.speech.StreamedSpeechCapture;
import ir.hotline137.mayor.MayorSettings;
import ir.hotline137.mayor.line.MayorLine;
import ir.hotline137.mayor.log.MapDbMayorSessionLog;
import ir.hotline137.mayor.log.SessionRecorder;
import ir.hotline137.mayor.meeting.MapDbMeetings;
import ir.hotline137.mayor.meeting.MeetingDesk;
import ir.hotline137.mayor.meeting.MeetingKind;
import ir.hotline137.mayor.meeting.MeetingSettings;
import ir.hotline137.outbound.callback.CallbackDesk;
import ir.hotline137.outbound.callback.MapDbCallbacks;
import ir.hotline137.outbound.dispatch.CallSettings;
import ir.hotline137.prompts.PromptCatalogue;
import ir.hotline137.recognizer.ShippedSpeechSettings;
import ir.hotline137.recognizer.TestModel;
import ir.hotline137.recognizer.audiosocket.AudioSocketServer;
import ir.hotline137.recognizer.audiosocket.AudioSocketSettings;
import ir.hotline137.recognizer.audiosocket.ExpectedStreams;
import ir.hotline137.recognizer.model.SpeechModel;
import ir.hotline137.recognizer.transcription.FileTranscriber;
import ir.hotline137.requests.Desks;
import ir.hotline137.switchboard.LocalSwitchboard;
import ir.hotline137.switchboard.Switchboard;
import ir.hotline137.switchboard.WaitingCallView;
import ir.hotline137.testsupport.Eventually;
import ir.hotline137.testsupport.ShippedSettings;
import ir.hotline137.testsupport.asterisk.CallTranscript;
import ir.hotline137.testsupport.asterisk.FakeAsterisk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The IVR as the application assembles it — real FastAGI server, real store and index, real switchboard,
 * real call log — listening on a free loopback port, with a fake Asterisk dialling into it.
 */
public final class IvrHarness implements AutoCloseable {
    public static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    /**
     * The recordings folders as application.yml shares them (no group of its own, setgid and group-writable), with a
     * short wait for a recording to show: the fake writes its files before it answers.
     */
    public static final RecordingFolder.Sharing SHARED =
            new RecordingFolder.Sharing(Optional.empty(), 02770, Duration.ofMillis(300));

    public final Desks desks;
    public final Switchboard switchboard;
    public final MayorLine mayorLine;
    public final CallLog callLog;
    /** The callbacks callers ask for; no manager interface, so none is placed from here. */
    public final CallbackDesk callbacks;
    /** The public meetings callers may register for (none unless a test makes one). */
    public final MeetingDesk meetings;
    public final IvrSettings settings;
    public final FastAgiServer server;
    public final FakeAsterisk asterisk;
    /** The AudioSocket server when the harness listens with the real model; null when it reads words files. */
    public final AudioSocketServer audioSocket;
    /** The streams the IVR has asked for and Asterisk has not opened (listening harness only). */
    public final ExpectedStreams streams;
    /** The real model's file transcriber, or null when the harness reads words files. */
    private final FileTranscriber files;

    /** How the harness hears what callers say. */
    private enum Hearing {
        /** Reads the words the fake caller "said" from the side file: no model, for tests of the flows. */
        WORDS_FILES,
        /** Streams over AudioSocket to the real English model; recordings (the fallback) are transcribed by it. */
        STREAMED,
        /** Records with RECORD FILE and transcribes the file with the real English model, as {@code capture: record}. */
        RECORDED
    }

    private IvrHarness(Path dir, UnaryOperator<IvrSettings> tuning, FastAgiSettings fastAgi, Hearing hearing,
                       RecordingFolder.Sharing sharing) throws IOException {
        this(dir, tuning, fastAgi, hearing, sharing, LocalSwitchboard::new);
    }

    private IvrHarness(Path dir, UnaryOperator<IvrSettings> tuning, FastAgiSettings fastAgi, Hearing hearing,
                       RecordingFolder.Sharing sharing, Function<Clock, Switchboard> switchboards) throws IOException {
        Clock clock = Clock.system(TEHRAN);
        desks = new Desks(dir.resolve("data"), clock);
        switchboard = switchboards.apply(clock);
        callLog = MapDbCallLog.open(desks.storage);
        settings = tuning.apply(ShippedIvrSettings.ivr(desks.folder.recordingsFolder()));
        RecordingFolder recordings = new RecordingFolder(settings.recordings(), settings.zone(), sharing);
        SpeechCapture speech;
        switch (hearing) {
            case STREAMED -> {
                SpeechModel model = TestModel.english();
                streams = new ExpectedStreams();
                AudioSocketSettings streaming = ShippedSpeechSettings.audioSocket(2);
                audioSocket = AudioSocketServer.start(streaming, model, streams, InetAddress::isLoopbackAddress);
                files = new FileTranscriber(model, 2);
                speech = new StreamedSpeechCapture(streams, audioSocket.service(),
                        streaming.endpointing(), RecordedSpeechCapture.afterTheBeep(files::transcribe));
            }
            case RECORDED -> {
                audioSocket = null;
                streams = null;
                // One decoder: the transcriptions queue, and a core is left for the calls.
                files = new FileTranscriber(TestModel.english(), 1);
                speech = new RecordedSpeechCapture(files::transcribe);
            }
            case WORDS_FILES -> {
                audioSocket = null;
                streams = null;
                files = null;
                speech = new RecordedSpeechCapture(new WordsFileTranscriber());
            }
            default -> throw new IllegalArgumentException(hearing.name());
        }
        DistrictQuestion districts = new DistrictQuestion(desks.desk.districts().keySet(), settings.tries());
        mayorLine = new MayorLine(clock, new SessionRecorder(MapDbMayorSessionLog.open(desks.storage)),
                ShippedSettings.load().duration("hotline.mayor.expected-conversation"));
        Intake intake = new Intake(desks.desk, districts, speech, recordings, settings, clock);
        callbacks = new CallbackDesk(MapDbCallbacks.open(desks.storage), Optional::empty,
                new CallSettings(1, 3, Duration.ofHours(1)), clock);
        ShippedSettings shipped = ShippedSettings.load();
        meetings = new MeetingDesk(MapDbMeetings.open(desks.storage), desks.desk,
                new MayorSettings(30, settings.zone()), new MeetingSettings(shipped.integers("hotline.mayor.meetings.follow-up-days").entrySet().stream()
                        .collect(Collectors.toMap(e -> MeetingKind.valueOf(e.getKey()), Map.Entry::getValue)),
                        shipped.integer("hotline.mayor.meetings.slots-per-official"),
                        shipped.duration("hotline.mayor.meetings.per-citizen")), clock);
        MeetingRegistrationCall meetingCall = new MeetingRegistrationCall(meetings, districts, speech, recordings,
                settings, clock);
        CallScript script = new CallScript(new MainMenu(settings.tries(), mayorLine, meetingCall::isOpen), intake,
                new FollowUp(desks.desk, PromptCatalogue.persian(), settings),
                new Escalation(switchboard, desks.desk, callbacks, districts, speech, recordings, settings, clock),
                new MayorCall(mayorLine, intake, districts, speech, recordings, settings, clock),
                meetingCall, callLog, settings, clock);
        server = FastAgiServer.start(fastAgi, script);
        asterisk = new FakeAsterisk("127.0.0.1", server.port());
    }

    public static IvrHarness start(Path dir) {
        return start(dir, s -> s);
    }

    public static IvrHarness start(Path dir, UnaryOperator<IvrSettings> tuning) {
        return start(dir, tuning, ShippedIvrSettings.fastAgi());
    }

    /**
     * The IVR as deployed with speech recognition: descriptions stream over AudioSocket to the real English model
     * (callers should speak real audio, {@code Caller.speaks(TestSpeech.telephone(...))}).
     */
    public static IvrHarness listening(Path dir) {
        return listening(dir, SHARED);
    }

    /** {@link #listening(Path)}, sharing its recordings folders with Asterisk's user as {@code sharing} says. */
    public static IvrHarness listening(Path dir, RecordingFolder.Sharing sharing) {
        try {
            return new IvrHarness(dir, s -> s, ShippedIvrSettings.fastAgi(), Hearing.STREAMED, sharing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The IVR as deployed with {@code capture: record}: descriptions are recorded by Asterisk and the files
     * transcribed by the real English model (callers should speak real audio).
     */
    public static IvrHarness transcribing(Path dir) {
        try {
            return new IvrHarness(dir, s -> s, ShippedIvrSettings.fastAgi(), Hearing.RECORDED, SHARED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The IVR sharing its recordings folders with Asterisk's user as {@code sharing} says. */
    public static IvrHarness sharing(Path dir, RecordingFolder.Sharing sharing) {
        try {
            return new IvrHarness(dir, s -> s, ShippedIvrSettings.fastAgi(), Hearing.WORDS_FILES, sharing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The flows with words files, on a switchboard made elsewhere: a cluster's, shared through PostgreSQL. */
    public static IvrHarness on(Path dir, UnaryOperator<IvrSettings> tuning, Function<Clock, Switchboard> switchboard) {
        try {
            return new IvrHarness(dir, tuning, ShippedIvrSettings.fastAgi(), Hearing.WORDS_FILES, SHARED, switchboard);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    public static IvrHarness start(Path dir, UnaryOperator<IvrSettings> tuning, FastAgiSettings fastAgi) {
        try {
            return new IvrHarness(dir, tuning, fastAgi, Hearing.WORDS_FILES, SHARED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The call records written so far. */
    public List<CallRecord> calls() {
        return callLog.between(Instant.EPOCH, Instant.now().plusSeconds(3600));
    }

    public Optional<CallRecord> call(String uniqueId) {
        return calls().stream().filter(c -> c.callId().equals(uniqueId)).findFirst();
    }

    /** The record of a call that has ended, once the IVR has written it. */
    public CallRecord awaitRecord(CallTranscript call) {
        Eventually.await(() -> call(call.uniqueId()).isPresent(), Duration.ofSeconds(5));
        return call(call.uniqueId()).orElseThrow();
    }

    /** The call in the switchboard's queue, once it is there. */
    public WaitingCallView awaitWaiting(String uniqueId, Duration limit) {
        Eventually.await(() -> switchboard.waitingCalls().stream().anyMatch(w -> w.id().value().equals(uniqueId)),
                limit);
        return switchboard.waitingCalls().stream().filter(w -> w.id().value().equals(uniqueId)).findFirst()
                .orElseThrow();
    }

    @Override
    public void close() throws Exception {
        asterisk.close();
        server.close();
        if (audioSocket != null) {
            audioSocket.close();
        }
        if (files != null) {
            files.close();
        }
        callLog.close();
        desks.close();
    }
}
