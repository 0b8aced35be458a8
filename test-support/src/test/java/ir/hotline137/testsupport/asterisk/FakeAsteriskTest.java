package ir.hotline137.testsupport.asterisk;

import ir.hotline137.testsupport.asterisk.AudioSocketSession.Ending;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.InvalidOrUnknownCommandException;
import org.asteriskjava.fastagi.command.GetDataCommand;
import org.asteriskjava.fastagi.command.RecordFileCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.util.ServerSocketFacade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fake Asterisk against the real thing on the other side: Asterisk-Java's own FastAGI server, whose scripts
 * see our replies exactly as the hotline's will. Asterisk-Java ends every call with its own
 * {@code SET VARIABLE AJ_AGISTATUS}, hence replies checked by their start.
 */
class FakeAsteriskTest {

    private static final Duration CALL_TIME = Duration.ofSeconds(20);
    private static final String ALL_KEYS = "0123456789#*";
    /** Half a second of tone at 8 kHz: 4000 samples, exactly 25 AudioSocket frames of 320 bytes. */
    private static final int TONE_MILLIS = 500;
    private static final int TONE_SAMPLES = 4000;
    private static final int FRAME_BYTES = 320;

    /** What each script saw, by call, for the test thread to check once the call is over. */
    private final Map<String, List<Object>> seen = new ConcurrentHashMap<>();
    private DefaultAgiServer server;
    private FakeAsterisk asterisk;

    @AfterEach
    void stopServer() {
        if (asterisk != null) {
            asterisk.close();
        }
        if (server != null) {
            server.shutdown();
        }
    }

    @Test
    void bargeInDigitIsReturnedByStreamFileAndTheRestGoesToGetData() {
        start((request, channel) -> {
            channel.answer();
            see(request, channel.streamFile("hotline/no-escape", "#"));
            see(request, channel.streamFile("hotline/welcome", ALL_KEYS));
            see(request, channel.getData("hotline/district", 5000, 2));
        });

        CallTranscript transcript = asterisk.dial(Caller.withNumber("09121234567").pressesDuringPrompt("17#"))
                .awaitEnd(CALL_TIME);

        assertThat(seen(transcript)).containsExactly((char) 0, '1', "7");
        assertThat(transcript.replies()).startsWith(
                "200 result=0", "200 result=0 endpos=16000", "200 result=49 endpos=5000", "200 result=7");
        assertThat(transcript.played()).containsExactly("hotline/no-escape", "hotline/welcome", "hotline/district");
        assertThat(transcript.error()).isEmpty();
    }

    @Test
    void typedKeysWaitForTheEndOfThePrompt() {
        start((request, channel) -> {
            see(request, channel.streamFile("hotline/welcome", ALL_KEYS));
            see(request, channel.waitForDigit(5000));
        });

        CallTranscript transcript = asterisk.dial(Caller.withNumber("09121234567").presses("2")).awaitEnd(CALL_TIME);

        assertThat(seen(transcript)).containsExactly((char) 0, '2');
    }

    @Test
    void getDataReturnsTypedDigitsAndTheTimeoutForms() {
        start((request, channel) -> {
            for (int i = 0; i < 6; i++) {
                see(request, channel.getData("hotline/code", 3000, 4));
            }
        });
        Caller caller = Caller.withNumber("09121234567")
                .presses("1234")
                .presses("12")
                .staysSilent()
                .presses("5#")
                .presses("9876#")
                .says("not yet");

        CallTranscript transcript = asterisk.dial(caller).awaitEnd(CALL_TIME);

        assertThat(seen(transcript)).containsExactly("1234", "12", "", "5", "9876", "");
        assertThat(transcript.replies()).startsWith("200 result=1234", "200 result=12 (timeout)",
                "200 result= (timeout)", "200 result=5", "200 result=9876", "200 result= (timeout)");
    }

    @Test
    void waitForDigitTakesOneKeyAtATimeThenTimesOut() {
        start((request, channel) -> {
            for (int i = 0; i < 4; i++) {
                see(request, channel.waitForDigit(1000));
            }
        });

        CallTranscript transcript = asterisk.dial(Caller.anonymous().presses("9*").presses("0").holds())
                .awaitEnd(CALL_TIME);

        assertThat(seen(transcript)).containsExactly('9', '*', '0', (char) 0);
        assertThat(transcript.replies()).startsWith(
                "200 result=57", "200 result=42", "200 result=48", "200 result=0");
    }

    @Test
    void speechIsRecordedAsWavWithTheWordsBesideIt(@TempDir Path recordings) throws Exception {
        Path spoken = recordings.resolve("problem");
        Path silent = recordings.resolve("silence");
        start((request, channel) -> {
            see(request, channel.recordFile(spoken.toString(), "wav", "#", 60_000, 0, true, 4));
            see(request, channel.recordFile(silent.toString(), "wav", "#", 60_000, 0, true, 4));
        });
        String words = "چاله بزرگ جلوی مدرسه";

        CallTranscript transcript = asterisk.dial(Caller.withNumber("09121234567").says(words).staysSilent())
                .awaitEnd(CALL_TIME);

        assertThat(seen(transcript).getFirst()).isEqualTo('#');
        Path speech = Path.of(spoken + ".wav");
        Path quiet = Path.of(silent + ".wav");
        assertThat(transcript.recordings()).containsExactly(speech, quiet);
        assertThat(Files.readString(Path.of(speech + ".words"), StandardCharsets.UTF_8)).isEqualTo(words);
        assertThat(Path.of(quiet + ".words")).doesNotExist();
        assertTelephoneWav(speech);
        assertTelephoneWav(quiet);
        assertThat(transcript.replies().get(0)).matches("200 result=35 \\(dtmf\\) endpos=\\d+");
        // Ended by silence detection (s=4): res_agi reports what was left of its last wait, not 0.
        assertThat(transcript.replies().get(1)).matches("200 result=[1-9]\\d* \\(timeout\\) endpos=\\d+");
        assertThat(transcript.commands().get(0))
                .isEqualTo("RECORD FILE \"" + spoken + "\" \"wav\" \"#\" 60000 0 BEEP s=4");
    }

    @Test
    void callerWhoHangsUpMakesTheNextCommandThrowAgiHangupException() {
        start((request, channel) -> {
            channel.answer();
            see(request, channel.streamFile("hotline/welcome", ALL_KEYS));
            try {
                channel.getData("hotline/district", 5000, 2);
                see(request, "no exception");
            } catch (AgiHangupException e) {
                see(request, "hung up");
            }
        });

        CallTranscript transcript = asterisk.dial(Caller.withNumber("09121234567").hangsUp()).awaitEnd(CALL_TIME);

        assertThat(seen(transcript)).containsExactly((char) 0, "hung up");
        assertThat(transcript.callerHungUp()).isTrue();
        assertThat(transcript.serverHungUp()).isFalse();
        assertThat(transcript.replies()).startsWith(
                "200 result=0", "200 result=-1 endpos=0", ScriptedChannel.DEAD_CHANNEL);
        assertThat(transcript.commandsAfterHangUp()).first().isEqualTo("GET DATA \"hotline/district\" 5000 2");
        assertThat(transcript.error()).isEmpty();
    }

    @Test
    void hangUpFromTheTestInterruptsAWaitAndEndsTheCall() {
        asterisk = startServer((request, channel) -> {
            try {
                while (true) {
                    channel.waitForDigit(5000);
                }
            } catch (AgiHangupException e) {
                see(request, "hung up");
            }
        }).withMaxWait(Duration.ofSeconds(30));
        FakeCall call = asterisk.dial(Caller.withNumber("09121234567"));

        call.awaitCommand("WAIT FOR DIGIT", CALL_TIME);
        call.hangUp();
        CallTranscript transcript = call.awaitEnd(CALL_TIME);

        assertThat(seen(transcript)).containsExactly("hung up");
        assertThat(transcript.replies()).startsWith("200 result=-1", ScriptedChannel.DEAD_CHANNEL);
        assertThat(transcript.hangUpNoticeAt()).isEqualTo(1);
        assertThat(call.isEnded()).isTrue();
    }

    @Test
    void dialAndItsStatusAreRecorded() {
        start((request, channel) -> {
            channel.exec("Dial", "PJSIP/101,30");
            see(request, channel.getVariable("DIALSTATUS"));
            channel.exec("Dial", "PJSIP/102,30");
            see(request, channel.getVariable("DIALSTATUS"));
            see(request, String.valueOf(channel.getVariable("HOTLINE_TOPIC")));
            channel.setVariable("HOTLINE_TOPIC", "pothole");
            see(request, channel.getVariable("HOTLINE_TOPIC"));
            channel.hangup();
        });

        CallTranscript transcript = asterisk.dial(Caller.withNumber("09121234567").dialStatus("NOANSWER", "ANSWER"))
                .awaitEnd(CALL_TIME);

        assertThat(seen(transcript)).containsExactly("NOANSWER", "ANSWER", "null", "pothole");
        assertThat(transcript.executed("Dial")).containsExactly("PJSIP/101,30", "PJSIP/102,30");
        assertThat(transcript.sent("EXEC Dial PJSIP/101")).isTrue();
        assertThat(transcript.serverHungUp()).isTrue();
        assertThat(transcript.callerHungUp()).isFalse();
        assertThat(transcript.error()).isEmpty();
    }

    @Test
    void aDialTheCalledSideEndsAnswersMinusOneWithTheCallerStillThereAndZeroWithG() {
        start((request, channel) -> {
            channel.exec("Dial", "PJSIP/101,30");
            channel.exec("Dial", "PJSIP/101,30,g");
            see(request, channel.getVariable("DIALSTATUS"));
            see(request, channel.getChannelStatus());
        });

        CallTranscript transcript = asterisk.dial(Caller.withNumber("09121234567")).awaitEnd(CALL_TIME);

        assertThat(transcript.replies()).startsWith("200 result=-1", "200 result=0", "200 result=1 (ANSWER)",
                "200 result=6");
        assertThat(seen(transcript)).containsExactly("ANSWER", 6);
        assertThat(transcript.callerHungUp()).isFalse();
        assertThat(transcript.hangUpNoticeAt()).isEqualTo(-1);
    }

    @Test
    void aCallerWhoHangsUpInTheConversationEndsTheDialWithMinusOneEvenWithG() {
        start((request, channel) -> {
            channel.exec("Dial", "PJSIP/101,30,g");
            // Allowed on a dead channel, as res_agi's command table says; CHANNEL STATUS is not.
            see(request, channel.getVariable("DIALSTATUS"));
            try {
                channel.getChannelStatus();
            } catch (AgiHangupException e) {
                see(request, "dead");
            }
        });

        CallTranscript transcript = asterisk.dial(Caller.withNumber("09121234567").hangsUpAfterTalking())
                .awaitEnd(CALL_TIME);

        assertThat(transcript.replies()).startsWith("200 result=-1", "200 result=1 (ANSWER)",
                ScriptedChannel.DEAD_CHANNEL);
        assertThat(seen(transcript)).containsExactly("ANSWER", "dead");
        assertThat(transcript.hangUpNoticeAt()).isEqualTo(1);
    }

    @Test
    void aCallerWhoHangsUpWhileTheOtherPhoneRingsCancelsTheDial() {
        start((request, channel) -> {
            channel.exec("Dial", "PJSIP/101,30,g");
            see(request, channel.getVariable("DIALSTATUS"));
        });
        asterisk = asterisk.withMaxWait(Duration.ofSeconds(10));

        FakeCall call = asterisk.dial(Caller.withNumber("09121234567").dialStatus("NOANSWER"));
        call.awaitCommand("EXEC Dial", CALL_TIME);
        call.hangUp();
        CallTranscript transcript = call.awaitEnd(CALL_TIME);

        assertThat(transcript.replies()).startsWith("200 result=-1", "200 result=1 (CANCEL)");
        assertThat(seen(transcript)).containsExactly("CANCEL");
    }

    @Test
    void missingSoundsFailOnALiveChannelAndRecordFileWithBeepRecordsNothing(@TempDir Path folder) {
        Path file = folder.resolve("description");
        start((request, channel) -> {
            channel.sendCommand(new StreamFileCommand("hotline137/welcome", ""));
            channel.sendCommand(new GetDataCommand("hotline137/district", 1000, 2));
            channel.sendCommand(new RecordFileCommand(file.toString(), "wav", "#", 5000, 0, true, 3));
            see(request, channel.getChannelStatus());
        });
        asterisk = asterisk.with(Installation.complete().withoutSounds("beep", "hotline137/welcome",
                "hotline137/district"));

        CallTranscript transcript = asterisk.dial(Caller.withNumber("09121234567").presses("7#").says("سلام"))
                .awaitEnd(CALL_TIME);

        assertThat(transcript.replies()).startsWith("200 result=-1 endpos=0", "200 result=-1",
                "200 result=-1 (randomerror) endpos=0", "200 result=6");
        assertThat(transcript.recordings()).isEmpty();
        assertThat(Path.of(file + ".wav")).doesNotExist();
    }

    @Test
    void recordFileIntoAFolderThatIsNotThereAnswersWritefile(@TempDir Path folder) {
        start((request, channel) -> channel.sendCommand(new RecordFileCommand(
                folder.resolve("not/there/description").toString(), "wav", "#", 5000, 0, false, 3)));

        CallTranscript transcript = asterisk.dial(Caller.withNumber("09121234567").says("سلام")).awaitEnd(CALL_TIME);

        assertThat(transcript.replies()).startsWith("200 result=-1 (writefile)");
        assertThat(folder.resolve("not")).doesNotExist();
    }

    @Test
    void mixMonitorAnswersZeroEvenWhenAsterisksUserMayNotWriteTheFolder(@TempDir Path folder) throws Exception {
        int uid = (Integer) Files.getAttribute(folder, "unix:uid");
        int gid = (Integer) Files.getAttribute(folder, "unix:gid");
        // JUnit makes the folder 0700: the group must be able to pass through it to reach the folders inside.
        Files.setAttribute(folder, "unix:mode", 0750);
        Path locked = Files.createDirectory(folder.resolve("locked"));
        Files.setAttribute(locked, "unix:mode", 0755);
        Path shared = Files.createDirectory(folder.resolve("shared"));
        Files.setAttribute(shared, "unix:mode", 02770);
        start((request, channel) -> {
            for (Path wav : List.of(locked.resolve("a.wav"), shared.resolve("b.wav"))) {
                see(request, channel.exec("MixMonitor", wav + ",b"));
                channel.exec("Dial", "PJSIP/101,30,g");
                see(request, channel.exec("StopMixMonitor", ""));
            }
        });
        // Asterisk as its own user who belongs to the folder's group, as a packaged Asterisk beside the hotline.
        asterisk = asterisk.with(Installation.complete()
                .runningAs(new Installation.FileUser(uid + 4242, java.util.Set.of(gid))));

        CallTranscript transcript = asterisk.dial(Caller.withNumber("09121234567")).awaitEnd(CALL_TIME);

        assertThat(seen(transcript)).containsExactly(0, 0, 0, 0);
        assertThat(locked.resolve("a.wav")).doesNotExist();
        assertThat(Files.size(shared.resolve("b.wav"))).isGreaterThan(44);
    }

    @Test
    void anAudioSocketFromBefore2025AnswersMinusOneWhenTheServiceEndsTheStream() throws Exception {
        try (AudioSocketService service = AudioSocketService.hangsUpAfter(5)) {
            String uuid = UUID.randomUUID().toString();
            start((request, channel) -> {
                channel.exec("AudioSocket", uuid + ",127.0.0.1:" + service.port());
                see(request, channel.getChannelStatus());
            });
            asterisk = asterisk.with(Installation.complete().withAudioSocketBefore2025());

            CallTranscript transcript = asterisk.dial(Caller.withNumber("09121234567").says("سلام"))
                    .awaitEnd(CALL_TIME);

            assertThat(transcript.replies()).startsWith("200 result=-1", "200 result=6");
            assertThat(transcript.callerHungUp()).isFalse();
        }
    }

    @Test
    void unknownCommandsAreRefusedAsAsteriskDoes() {
        start((request, channel) -> {
            try {
                channel.sayDigits("137");
            } catch (InvalidOrUnknownCommandException e) {
                see(request, "510");
            }
        });

        CallTranscript transcript = asterisk.dial(Caller.anonymous()).awaitEnd(CALL_TIME);

        assertThat(seen(transcript)).containsExactly("510");
    }

    @Test
    void theAgiEnvironmentDescribesTheCall() {
        start((request, channel) -> {
            see(request, request.getCallerIdNumber());
            see(request, request.getScript());
            see(request, request.getLanguage());
            see(request, request.getChannel());
            see(request, request.getExtension());
        });

        FakeCall known = asterisk.dial(Caller.withNumber("09121234567"));
        FakeCall anonymous = asterisk.dial(Caller.anonymous());

        List<Object> first = seen(known.awaitEnd(CALL_TIME));
        assertThat(first.subList(0, 3)).containsExactly("09121234567", "ivr", "fa");
        assertThat((String) first.get(3)).startsWith("PJSIP/trunk-");
        assertThat(first.get(4)).isEqualTo("137");
        assertThat(seen(anonymous.awaitEnd(CALL_TIME)).get(0)).isNull();
        assertThat(known.uniqueId()).isNotEqualTo(anonymous.uniqueId()).matches("\\d+\\.\\d+");
    }

    @Test
    void twoHundredConcurrentCallsAllEnd(@TempDir Path recordings) {
        start((request, channel) -> {
            channel.answer();
            channel.streamFile("hotline/welcome", ALL_KEYS);
            see(request, channel.getData("hotline/district", 3000, 2));
            channel.recordFile(recordings.resolve(request.getUniqueId()).toString(), "wav", "#", 60_000, 0, true, 4);
            channel.exec("Dial", "PJSIP/101,30");
            channel.hangup();
        });
        Caller caller = Caller.withNumber("09121234567").pressesDuringPrompt("1").presses("7#").says("سلام");

        List<FakeCall> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(asterisk.dial(caller));
        }

        for (FakeCall call : calls) {
            CallTranscript transcript = call.awaitEnd(Duration.ofSeconds(60));
            assertThat(transcript.error()).as("%s", transcript).isEmpty();
            assertThat(transcript.serverHungUp()).as("%s", transcript).isTrue();
            assertThat(seen(transcript)).as("%s", transcript).containsExactly("7");
        }
        assertThat(calls.stream().map(FakeCall::uniqueId).distinct()).hasSize(200);
        assertThat(recordings.toFile().list()).hasSize(400);
    }

    @Test
    void audioSocketStreamsTheVoiceAtRealPaceUntilTheServerSendsAHangupFrame(@TempDir Path folder) throws Exception {
        Path wav = toneWav(folder, 8000);
        UUID uuid = UUID.randomUUID();
        try (AudioSocketService service = AudioSocketService.hangsUpAfter(40)) {
            start((request, channel) -> {
                channel.answer();
                long began = System.nanoTime();
                see(request, channel.exec("AudioSocket", uuid + ",127.0.0.1:" + service.port()));
                see(request, Duration.ofNanos(System.nanoTime() - began));
                see(request, channel.getChannelStatus());
            });

            CallTranscript transcript = asterisk.dial(Caller.withNumber("09121234567").speaks(wav)).awaitEnd(CALL_TIME);
            Heard heard = service.heard();

            List<Object> seen = seen(transcript);
            assertThat(seen).hasSize(3);
            assertThat(seen.get(0)).isEqualTo(0);
            // The 40th frame is due 780 ms after the first: the server cannot have had it, and said goodbye, sooner.
            assertThat((Duration) seen.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(780));
            assertThat(seen.get(2)).isEqualTo(6);
            assertThat(transcript.replies()).startsWith("200 result=0", "200 result=0", "200 result=6");
            assertThat(heard.uuid()).isEqualTo(uuid);
            assertThat(Arrays.copyOf(heard.audio(), TONE_SAMPLES)).isEqualTo(tone(TONE_SAMPLES, 8000));
            assertThat(heard.closedByCaller()).as("the fake closes after the hangup frame").isTrue();
            AudioSocketSession session = transcript.audioSockets().getFirst();
            assertThat(transcript.audioSockets()).hasSize(1);
            assertThat(session.uuid()).isEqualTo(uuid.toString());
            assertThat(session.server()).isEqualTo("127.0.0.1:" + service.port());
            assertThat(session.ending()).isEqualTo(Ending.SERVER_HANGUP_FRAME);
            // A frame or two may cross the hangup frame on its way; a hiccup on a busy machine adds a catch-up frame.
            assertThat(session.audioBytes()).isBetween(40L * FRAME_BYTES, 42L * FRAME_BYTES)
                    .isEqualTo(heard.audioBytes());
            assertThat(session.keys()).isEmpty();
            assertThat(transcript.callerHungUp()).isFalse();
            assertThat(transcript.error()).isEmpty();
        }
    }

    @Test
    void aServerThatClosesTheSocketEndsTheStreamAsWell() throws Exception {
        UUID uuid = UUID.randomUUID();
        try (AudioSocketService service = AudioSocketService.closesAfter(10)) {
            start((request, channel) -> {
                see(request, channel.exec("AudioSocket", uuid + ",localhost:" + service.port()));
                see(request, channel.getChannelStatus());
            });

            CallTranscript transcript = asterisk.dial(Caller.anonymous().staysSilent()).awaitEnd(CALL_TIME);
            Heard heard = service.heard();

            assertThat(seen(transcript)).containsExactly(0, 6);
            assertThat(heard.uuid()).isEqualTo(uuid);
            assertThat(heard.audioBytes()).isEqualTo(10L * FRAME_BYTES);
            // Nobody speaks: the line carries its hiss, never digital silence and never more than a whisper.
            assertThat(heard.audio()).isNotEqualTo(new short[heard.audio().length]);
            for (short sample : heard.audio()) {
                assertThat(Math.abs(sample)).isLessThan(400);
            }
            assertThat(transcript.audioSockets()).extracting(AudioSocketSession::ending)
                    .containsExactly(Ending.SERVER_CLOSED);
            assertThat(transcript.audioSockets().getFirst().audioBytes()).isGreaterThanOrEqualTo(10L * FRAME_BYTES);
            assertThat(transcript.callerHungUp()).isFalse();
        }
    }

    @Test
    void aCallerWhoHangsUpAfterSpeakingClosesTheStreamAndTheCall(@TempDir Path folder) throws Exception {
        Path wav = toneWav(folder, 8000);
        try (AudioSocketService service = AudioSocketService.listensToTheEnd()) {
            start((request, channel) -> {
                see(request, channel.exec("AudioSocket", UUID.randomUUID() + ",127.0.0.1:" + service.port()));
                try {
                    channel.getChannelStatus();
                    see(request, "no exception");
                } catch (AgiHangupException e) {
                    see(request, "hung up");
                }
            });

            CallTranscript transcript = asterisk.dial(Caller.withNumber("09121234567").speaksThenHangsUp(wav))
                    .awaitEnd(CALL_TIME);
            Heard heard = service.heard();

            assertThat(seen(transcript)).containsExactly(-1, "hung up");
            assertThat(heard.closedByCaller()).isTrue();
            assertThat(heard.audioBytes()).isEqualTo(TONE_SAMPLES * 2L);
            assertThat(heard.keys()).isEmpty();
            assertThat(transcript.replies()).startsWith("200 result=-1", ScriptedChannel.DEAD_CHANNEL);
            assertThat(transcript.hangUpNoticeAt()).isEqualTo(1);
            assertThat(transcript.callerHungUp()).isTrue();
            assertThat(transcript.audioSockets()).singleElement()
                    .isEqualTo(new AudioSocketSession(heard.uuid().toString(), "127.0.0.1:" + service.port(),
                            TONE_SAMPLES * 2L, "", Ending.CALLER_HUNG_UP));
            assertThat(transcript.error()).isEmpty();
        }
    }

    @Test
    void aCallerWhoPressesHashAfterSpeakingSendsItRightAfterTheVoice(@TempDir Path folder) throws Exception {
        Path wav = toneWav(folder, 8000);
        try (AudioSocketService service = AudioSocketService.hangsUpOnHash()) {
            start((request, channel) ->
                    see(request, channel.exec("AudioSocket", UUID.randomUUID() + ",127.0.0.1:" + service.port())));

            CallTranscript transcript = asterisk.dial(Caller.withNumber("09121234567").speaksThenPressesHash(wav))
                    .awaitEnd(CALL_TIME);
            Heard heard = service.heard();

            assertThat(seen(transcript)).containsExactly(0);
            assertThat(heard.keys()).containsExactly(new Key('#', TONE_SAMPLES * 2L));
            assertThat(transcript.audioSockets().getFirst().keys()).isEqualTo("#");
            assertThat(transcript.audioSockets().getFirst().ending()).isEqualTo(Ending.SERVER_HANGUP_FRAME);
        }
    }

    @Test
    void keysOnAStreamFollowAMomentOfLineNoiseAPersonsPaceApart() throws Exception {
        try (AudioSocketService service = AudioSocketService.hangsUpOnHash()) {
            start((request, channel) -> {
                see(request, channel.exec("AudioSocket", UUID.randomUUID() + ",127.0.0.1:" + service.port()));
                see(request, channel.waitForDigit(100));
            });

            CallTranscript transcript = asterisk.dial(Caller.anonymous().presses("12#").presses("9"))
                    .awaitEnd(CALL_TIME);
            Heard heard = service.heard();

            assertThat(seen(transcript)).containsExactly(0, '9');
            // 300 ms of noise, then a key every 200 ms: after 15, 25 and 35 frames.
            assertThat(heard.keys()).containsExactly(new Key('1', 15L * FRAME_BYTES), new Key('2', 25L * FRAME_BYTES),
                    new Key('#', 35L * FRAME_BYTES));
            assertThat(transcript.audioSockets().getFirst().keys()).isEqualTo("12#");
        }
    }

    @Test
    void aCallerWhoHangsUpAtOnceLeavesAMomentOfLineNoise() throws Exception {
        try (AudioSocketService service = AudioSocketService.listensToTheEnd()) {
            start((request, channel) ->
                    see(request, channel.exec("AudioSocket", UUID.randomUUID() + ",127.0.0.1:" + service.port())));

            CallTranscript transcript = asterisk.dial(Caller.anonymous().hangsUp()).awaitEnd(CALL_TIME);
            Heard heard = service.heard();

            assertThat(seen(transcript)).containsExactly(-1);
            assertThat(heard.closedByCaller()).isTrue();
            assertThat(heard.audioBytes()).isEqualTo(5L * FRAME_BYTES);
            assertThat(transcript.audioSockets().getFirst().ending()).isEqualTo(Ending.CALLER_HUNG_UP);
            assertThat(transcript.callerHungUp()).isTrue();
        }
    }

    @Test
    void aHangUpFromTheTestEndsTheStream(@TempDir Path folder) throws Exception {
        Path wav = toneWav(folder, 8000);
        try (AudioSocketService service = AudioSocketService.listensToTheEnd()) {
            start((request, channel) -> {
                see(request, channel.exec("AudioSocket", UUID.randomUUID() + ",127.0.0.1:" + service.port()));
                try {
                    channel.getChannelStatus();
                } catch (AgiHangupException e) {
                    see(request, "hung up");
                }
            });
            FakeCall call = asterisk.dial(Caller.withNumber("09121234567").speaks(wav));

            service.awaitAudio();
            call.hangUp();
            CallTranscript transcript = call.awaitEnd(CALL_TIME);

            assertThat(seen(transcript)).containsExactly(-1, "hung up");
            assertThat(service.heard().closedByCaller()).isTrue();
            assertThat(transcript.audioSockets()).extracting(AudioSocketSession::ending)
                    .containsExactly(Ending.CALLER_HUNG_UP);
            assertThat(transcript.replies()).startsWith("200 result=-1", ScriptedChannel.DEAD_CHANNEL);
        }
    }

    @Test
    void aStreamThatCannotStartFailsWithTheChannelStillUpAndTheStepKept() {
        UUID uuid = UUID.randomUUID();
        int nobody = freePort();
        start((request, channel) -> {
            see(request, channel.exec("AudioSocket", uuid + ",127.0.0.1:" + nobody));
            see(request, channel.exec("AudioSocket", "1-2-3-4-5,127.0.0.1:" + nobody));
            see(request, channel.exec("AudioSocket", uuid + ",127.0.0.1"));
            see(request, channel.exec("AudioSocket", uuid.toString()));
            see(request, channel.getChannelStatus());
            see(request, channel.waitForDigit(1000));
        });

        CallTranscript transcript = asterisk.dial(Caller.withNumber("09121234567").presses("5")).awaitEnd(CALL_TIME);

        assertThat(seen(transcript)).containsExactly(-1, -1, -1, -1, 6, '5');
        assertThat(transcript.audioSockets()).extracting(AudioSocketSession::ending).containsExactly(
                Ending.CONNECT_FAILED, Ending.BAD_ARGUMENTS, Ending.BAD_ARGUMENTS, Ending.BAD_ARGUMENTS);
        assertThat(transcript.audioSockets()).extracting(AudioSocketSession::audioBytes).containsOnly(0L);
        assertThat(transcript.callerHungUp()).isFalse();
        assertThat(transcript.hangUpNoticeAt()).isEqualTo(-1);
    }

    @Test
    void aVoiceIsRecordedAsItIsWithoutAWordsFile(@TempDir Path folder) throws Exception {
        short[] tone = tone(TONE_SAMPLES, 8000);
        Path edited = toneWavWithListChunk(folder, tone);
        Path plain = toneWav(folder, 8000);
        Path first = folder.resolve("first");
        Path second = folder.resolve("second");
        Path third = folder.resolve("third");
        start((request, channel) -> {
            see(request, channel.recordFile(first.toString(), "wav", "#", 60_000, 0, true, 4));
            see(request, channel.recordFile(second.toString(), "sln", "#", 200, 0, true, 4));
            see(request, (int) channel.recordFile(third.toString(), "wav", "#", 60_000, 0, true, 4));
        });
        Caller caller = Caller.withNumber("09121234567")
                .speaksThenPressesHash(edited)
                .speaks(plain)
                .speaksThenHangsUp(plain);

        CallTranscript transcript = asterisk.dial(caller).awaitEnd(CALL_TIME);

        assertThat(seen(transcript).subList(0, 2)).containsExactly('#', (char) 0);
        assertThat(transcript.replies()).startsWith("200 result=35 (dtmf) endpos=4000",
                "200 result=0 (timeout) endpos=1600", "200 result=-1 (hangup) endpos=4000");
        assertThat(transcript.recordings()).containsExactly(
                Path.of(first + ".wav"), Path.of(second + ".sln"), Path.of(third + ".wav"));
        assertTelephoneWav(Path.of(first + ".wav"));
        assertThat(CallerAudio.readWav(Path.of(first + ".wav"))).isEqualTo(tone);
        assertThat(CallerAudio.readWav(Path.of(third + ".wav"))).isEqualTo(tone);
        // Bare signed linear cut to the 200 ms the server allowed.
        ByteBuffer sln = ByteBuffer.wrap(Files.readAllBytes(Path.of(second + ".sln"))).order(ByteOrder.LITTLE_ENDIAN);
        short[] cut = new short[sln.remaining() / 2];
        sln.asShortBuffer().get(cut);
        assertThat(cut).isEqualTo(Arrays.copyOf(tone, 1600));
        assertThat(folder.resolve("first.wav.words")).doesNotExist();
        assertThat(transcript.callerHungUp()).isTrue();
        assertThat(caller.toString()).contains("speaks tone-8000.wav (500 ms) then hangs up");
    }

    @Test
    void aVoiceMustBeTelephoneWav(@TempDir Path folder) throws IOException {
        Path wideband = toneWav(folder, 16000);
        Path text = Files.writeString(folder.resolve("notes.wav"), "not audio at all");

        assertThatThrownBy(() -> Caller.anonymous().speaks(wideband))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8 kHz 16-bit mono")
                .hasMessageContaining("16000 Hz");
        assertThatThrownBy(() -> Caller.anonymous().speaks(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a RIFF WAVE file");
        assertThatThrownBy(() -> Caller.anonymous().speaksThenPressesHash(folder.resolve("missing.wav")))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aSilentServerEndsTheCallWithAnError() throws IOException {
        try (ServerSocket mute = new ServerSocket(0)) {
            FakeCall call = new FakeAsterisk("127.0.0.1", mute.getLocalPort())
                    .withReadTimeout(Duration.ofMillis(300))
                    .dial(Caller.anonymous());
            try (Socket accepted = mute.accept()) {
                CallTranscript transcript = call.awaitEnd(CALL_TIME);

                assertThat(transcript.error()).hasValueSatisfying(why -> assertThat(why).contains("read timeout"));
                assertThat(accepted.getInputStream().readAllBytes()).asString(StandardCharsets.UTF_8)
                        .startsWith("agi_network: yes\nagi_network_script: ivr\n")
                        .contains("agi_callerid: unknown\n")
                        .endsWith("\n\n");
            }
        }
    }

    @Test
    void aServerThatIsNotThereEndsTheCallWithAnError() throws IOException {
        CallTranscript transcript = new FakeAsterisk("127.0.0.1", freePort()).dial(Caller.anonymous())
                .awaitEnd(CALL_TIME);

        assertThat(transcript.error()).hasValueSatisfying(why -> assertThat(why).contains("failed"));
    }

    @Test
    void awaitingACommandThatNeverComesFailsWithTheCommandsSoFar() {
        start((request, channel) -> channel.answer());
        FakeCall call = asterisk.dial(Caller.anonymous());

        assertThatThrownBy(() -> call.awaitCommand("EXEC Dial", CALL_TIME))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("> ANSWER");
    }

    @Test
    void commandWordsAreSplitAsAsteriskDoes() {
        assertThat(AgiCommand.parse("EXEC \"Dial\" \"PJSIP/101,30\"").words())
                .containsExactly("EXEC", "Dial", "PJSIP/101,30");
        assertThat(AgiCommand.parse("EXEC Dial PJSIP/101,30").words())
                .containsExactly("EXEC", "Dial", "PJSIP/101,30");
        assertThat(AgiCommand.parse("STREAM FILE \"say \\\"hi\\\" \\\\ bye\" \"\"").words())
                .containsExactly("STREAM", "FILE", "say \"hi\" \\ bye", "");
    }

    @Test
    void scriptsRefuseStepsThatCouldNeverBeReached() {
        assertThatThrownBy(() -> Caller.anonymous().hangsUp().presses("1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Caller.anonymous().holds().says("hello"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Caller.anonymous().presses("1x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void start(AgiScript script) {
        asterisk = startServer(script);
    }

    /** A real Asterisk-Java FastAGI server on a free port, listening by the time this returns. */
    private FakeAsterisk startServer(AgiScript script) {
        CountDownLatch listening = new CountDownLatch(1);
        int port = freePort();
        server = new DefaultAgiServer(script) {
            @Override
            protected ServerSocketFacade createServerSocket() throws IOException {
                ServerSocketFacade socket = super.createServerSocket();
                listening.countDown();
                return socket;
            }
        };
        server.setPort(port);
        Thread.ofPlatform().daemon().name("agi-server-" + port).start(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            assertThat(listening.await(10, TimeUnit.SECONDS)).as("AGI server listening").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new FakeAsterisk("127.0.0.1", port);
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void see(AgiRequest request, Object what) {
        seen.computeIfAbsent(request.getUniqueId(), id -> Collections.synchronizedList(new ArrayList<>())).add(what);
    }

    private List<Object> seen(CallTranscript transcript) {
        List<Object> what = seen.getOrDefault(transcript.uniqueId(), List.of());
        synchronized (what) {
            return new ArrayList<>(what);
        }
    }

    /** {@link #TONE_MILLIS} of a 440 Hz tone, as the JDK writes a WAV file, so the fake's reader meets a stranger's. */
    private static Path toneWav(Path folder, int sampleRate) throws IOException {
        short[] tone = tone(sampleRate * TONE_MILLIS / 1000, sampleRate);
        ByteBuffer pcm = ByteBuffer.allocate(tone.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short sample : tone) {
            pcm.putShort(sample);
        }
        AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
        Path wav = folder.resolve("tone-" + sampleRate + ".wav");
        try (AudioInputStream audio =
                new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, tone.length)) {
            AudioSystem.write(audio, AudioFileFormat.Type.WAVE, wav.toFile());
        }
        return wav;
    }

    /** The tone as a WAV editor might leave it: a LIST chunk of odd length, and its pad byte, before the data. */
    private static Path toneWavWithListChunk(Path folder, short[] tone) throws IOException {
        byte[] list = "hello".getBytes(StandardCharsets.US_ASCII);
        int riffBytes = 4 + (8 + 16) + (8 + list.length + 1) + (8 + tone.length * 2);
        ByteBuffer wav = ByteBuffer.allocate(8 + riffBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(ascii("RIFF")).putInt(riffBytes).put(ascii("WAVE"));
        wav.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        wav.put(ascii("LIST")).putInt(list.length).put(list).put((byte) 0);
        wav.put(ascii("data")).putInt(tone.length * 2);
        for (short sample : tone) {
            wav.putShort(sample);
        }
        return Files.write(folder.resolve("edited.wav"), wav.array());
    }

    private static short[] tone(int samples, int sampleRate) {
        short[] tone = new short[samples];
        for (int i = 0; i < samples; i++) {
            tone[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * 440 * i / sampleRate));
        }
        return tone;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static void assertTelephoneWav(Path file) throws Exception {
        AudioFormat format = AudioSystem.getAudioFileFormat(file.toFile()).getFormat();
        assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
        assertThat(format.getSampleRate()).isEqualTo(8000f);
        assertThat(format.getSampleSizeInBits()).isEqualTo(16);
        assertThat(format.getChannels()).isEqualTo(1);
        assertThat(format.isBigEndian()).isFalse();
    }

    /** A frame as the service received it. */
    private record Frame(int kind, byte[] payload) {
    }

    /** A DTMF digit and how many bytes of audio came before it on the stream. */
    private record Key(char key, long audioBytesBefore) {
    }

    /** What one stream brought: every frame in order, and whether the fake closed the connection at the end. */
    private record Heard(List<Frame> frames, boolean closedByCaller) {

        UUID uuid() {
            Frame first = frames.getFirst();
            assertThat(first.kind()).as("the first frame is the UUID").isEqualTo(0x01);
            assertThat(first.payload()).hasSize(16);
            ByteBuffer id = ByteBuffer.wrap(first.payload());
            return new UUID(id.getLong(), id.getLong());
        }

        long audioBytes() {
            return frames.stream()
                    .filter(frame -> frame.kind() == 0x10)
                    .mapToLong(frame -> frame.payload().length)
                    .sum();
        }

        /** Every audio sample, in order: signed 16-bit little-endian. */
        short[] audio() {
            ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(audioBytes())).order(ByteOrder.LITTLE_ENDIAN);
            frames.stream().filter(frame -> frame.kind() == 0x10).forEach(frame -> bytes.put(frame.payload()));
            short[] samples = new short[bytes.capacity() / 2];
            bytes.flip().asShortBuffer().get(samples);
            return samples;
        }

        List<Key> keys() {
            List<Key> keys = new ArrayList<>();
            long audio = 0;
            for (Frame frame : frames) {
                if (frame.kind() == 0x10) {
                    audio += frame.payload().length;
                } else if (frame.kind() == 0x03) {
                    assertThat(frame.payload()).as("a DTMF frame holds one digit").hasSize(1);
                    keys.add(new Key((char) frame.payload()[0], audio));
                }
            }
            return keys;
        }
    }

    /**
     * A bare AudioSocket service on a free port, in the hotline recogniser's place: takes one stream, keeps every
     * frame the fake Asterisk sends, and ends the stream as told, or listens until the fake closes it.
     */
    private static final class AudioSocketService implements AutoCloseable {

        private final ServerSocket listening;
        private final int audioFramesBeforeEnd;
        private final boolean endsOnHash;
        private final boolean endsWithHangupFrame;
        private final CompletableFuture<Void> audioStarted = new CompletableFuture<>();
        private final CompletableFuture<Heard> heard = new CompletableFuture<>();

        private AudioSocketService(int audioFramesBeforeEnd, boolean endsOnHash, boolean endsWithHangupFrame) {
            this.audioFramesBeforeEnd = audioFramesBeforeEnd;
            this.endsOnHash = endsOnHash;
            this.endsWithHangupFrame = endsWithHangupFrame;
            try {
                listening = new ServerSocket(0);
                // A fake that never connects fails the test instead of leaving the service waiting.
                listening.setSoTimeout(Math.toIntExact(CALL_TIME.toMillis()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.ofVirtual().name("audiosocket-service-" + listening.getLocalPort()).start(this::serve);
        }

        /** Sends a hangup frame once this many audio frames have come, then reads on until the caller closes. */
        static AudioSocketService hangsUpAfter(int audioFrames) {
            return new AudioSocketService(audioFrames, false, true);
        }

        /** Closes the connection, without a frame, once this many audio frames have come. */
        static AudioSocketService closesAfter(int audioFrames) {
            return new AudioSocketService(audioFrames, false, false);
        }

        /** Sends a hangup frame when the caller presses #, as the hotline ends a description. */
        static AudioSocketService hangsUpOnHash() {
            return new AudioSocketService(Integer.MAX_VALUE, true, true);
        }

        /** Never ends the stream: only the caller can. */
        static AudioSocketService listensToTheEnd() {
            return new AudioSocketService(Integer.MAX_VALUE, false, true);
        }

        int port() {
            return listening.getLocalPort();
        }

        void awaitAudio() throws Exception {
            audioStarted.get(CALL_TIME.toMillis(), TimeUnit.MILLISECONDS);
        }

        Heard heard() throws InterruptedException, ExecutionException, TimeoutException {
            return heard.get(CALL_TIME.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() throws IOException {
            listening.close();
        }

        private void serve() {
            try (Socket stream = listening.accept()) {
                InputStream in = stream.getInputStream();
                List<Frame> frames = new ArrayList<>();
                int audioFrames = 0;
                boolean ended = false;
                byte[] header = new byte[3];
                while (in.readNBytes(header, 0, 3) == 3) {
                    int length = ((header[1] & 0xFF) << 8) | (header[2] & 0xFF);
                    Frame frame = new Frame(header[0] & 0xFF, in.readNBytes(length));
                    frames.add(frame);
                    if (frame.kind() == 0x10) {
                        audioFrames++;
                        audioStarted.complete(null);
                    }
                    boolean hash = frame.kind() == 0x03 && frame.payload().length == 1 && frame.payload()[0] == '#';
                    if (!ended && (audioFrames >= audioFramesBeforeEnd || endsOnHash && hash)) {
                        ended = true;
                        if (!endsWithHangupFrame) {
                            heard.complete(new Heard(List.copyOf(frames), false));
                            return;
                        }
                        stream.getOutputStream().write(new byte[] {0x00, 0x00, 0x00});
                    }
                }
                heard.complete(new Heard(List.copyOf(frames), true));
            } catch (IOException | RuntimeException e) {
                heard.completeExceptionally(e);
            }
        }
    }
}
