package ir.hotline137.ivr.fake;

import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.InvalidOrUnknownCommandException;
import org.asteriskjava.util.ServerSocketFacade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
        Path spoken = recordings.resolve("not/yet/there/problem");
        Path silent = recordings.resolve("silence");
        start((request, channel) -> {
            see(request, channel.recordFile(spoken.toString(), "wav", "#", 60_000, 0, true, 4));
            see(request, channel.recordFile(silent.toString(), "wav", "#", 60_000, 0, true, 4));
        });
        String words = "چاله بزرگ جلوی مدرسه";

        CallTranscript transcript = asterisk.dial(Caller.withNumber("09121234567").says(words).staysSilent())
                .awaitEnd(CALL_TIME);

        assertThat(seen(transcript)).containsExactly('#', (char) 0);
        Path speech = Path.of(spoken + ".wav");
        Path quiet = Path.of(silent + ".wav");
        assertThat(transcript.recordings()).containsExactly(speech, quiet);
        assertThat(Files.readString(Path.of(speech + ".words"), StandardCharsets.UTF_8)).isEqualTo(words);
        assertThat(Path.of(quiet + ".words")).doesNotExist();
        assertTelephoneWav(speech);
        assertTelephoneWav(quiet);
        assertThat(transcript.replies().get(0)).matches("200 result=35 \\(dtmf\\) endpos=\\d+");
        assertThat(transcript.replies().get(1)).matches("200 result=0 \\(timeout\\) endpos=\\d+");
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

    private static void assertTelephoneWav(Path file) throws Exception {
        AudioFormat format = AudioSystem.getAudioFileFormat(file.toFile()).getFormat();
        assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
        assertThat(format.getSampleRate()).isEqualTo(8000f);
        assertThat(format.getSampleSizeInBits()).isEqualTo(16);
        assertThat(format.getChannels()).isEqualTo(1);
        assertThat(format.isBigEndian()).isFalse();
    }
}
