package ir.hotline137.recognizer.audiosocket;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.recognizer.ShippedSpeechSettings;
import ir.hotline137.testsupport.audiosocket.AudioSocketCaller;
import ir.hotline137.recognizer.TestModel;
import ir.hotline137.recognizer.TestSentences;
import ir.hotline137.recognizer.TestSpeech;
import ir.hotline137.recognizer.audio.Endpointing;
import ir.hotline137.recognizer.audio.WavAudio;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AudioSocket server with the real model, driven by a client that speaks the protocol as Asterisk does.
 * Audio goes as fast as the socket takes it: the server judges the end of speech in audio time, so pace does
 * not change what it hears (the IVR tests stream at real pace).
 */
class AudioSocketServerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Endpointing ENDPOINTING = new Endpointing(Duration.ofMillis(1200), Duration.ofSeconds(6),
            Duration.ofSeconds(60));

    private static ExpectedStreams streams;
    private static AudioSocketServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        streams = new ExpectedStreams();
        server = AudioSocketServer.start(ShippedSpeechSettings.audioSocket(2), TestModel.english(), streams,
                InetAddress::isLoopbackAddress);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void wordsOfASpokenComplaintComeBackAndTheAudioIsSaved() throws IOException {
        TestSentences.Sentence sentence = TestSentences.ALL.getFirst();
        byte[] speech = WavAudio.read(TestSpeech.telephone(sentence.text())).pcm();
        AwaitedStream stream = streams.expect("call-1", dir.resolve("call-1.wav"), ENDPOINTING);

        try (AudioSocketCaller asterisk = AudioSocketCaller.connect(server.port())) {
            asterisk.sendId(stream.id());
            asterisk.stream(speech, false);
            asterisk.lineNoise(Duration.ofSeconds(5), false);
            assertThat(asterisk.awaitServerEnd(PATIENCE)).isTrue();
            assertThat(asterisk.endedWithHangupFrame()).as("ends with AudioSocket's hangup frame").isTrue();
        }

        Heard heard = stream.await(PATIENCE);
        assertThat(heard).isInstanceOf(Heard.Words.class);
        Heard.Words words = (Heard.Words) heard;
        assertThat(words.text()).contains(sentence.keyWords());
        assertThat(words.ending()).isEqualTo(Heard.Ending.SILENCE_AFTER_SPEECH);
        WavAudio saved = WavAudio.read(words.file());
        assertThat(saved.sampleRate()).isEqualTo(8_000);
        // The speech and the 1.2 s of silence that ended it, not the rest of the noise sent after.
        assertThat(saved.pcm().length).isBetween(speech.length, speech.length + 16 * 2_500);
        assertThat(saved.duration()).isLessThan(Duration.ofMillis(speech.length / 16 + 2_500));
    }

    @Test
    void hashEndsTheUtteranceAtOnce() {
        TestSentences.Sentence sentence = TestSentences.ALL.get(1);
        AwaitedStream stream = streams.expect("call-2", dir.resolve("call-2.wav"), ENDPOINTING);

        try (AudioSocketCaller asterisk = AudioSocketCaller.connect(server.port())) {
            asterisk.sendId(stream.id());
            asterisk.stream(pcm(sentence.text()), false);
            asterisk.sendDtmf('#');
            assertThat(asterisk.awaitServerEnd(PATIENCE)).isTrue();
        }

        Heard.Words words = (Heard.Words) stream.await(PATIENCE);
        assertThat(words.ending()).isEqualTo(Heard.Ending.KEY_PRESSED);
        assertThat(words.text()).contains(sentence.keyWords());
    }

    @Test
    void onlyTheQuietOfTheLineIsSilenceAfterTheNoSpeechTime() throws IOException {
        AwaitedStream stream = streams.expect("call-3", dir.resolve("call-3.wav"), ENDPOINTING);

        try (AudioSocketCaller asterisk = AudioSocketCaller.connect(server.port())) {
            asterisk.sendId(stream.id());
            asterisk.lineNoise(Duration.ofSeconds(10), false);
            assertThat(asterisk.awaitServerEnd(PATIENCE)).isTrue();
        }

        Heard heard = stream.await(PATIENCE);
        assertThat(heard).isInstanceOf(Heard.Silence.class);
        assertThat(WavAudio.read(heard.recording().orElseThrow()).duration()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void aStreamWithAnUnknownUuidIsClosedAndNothingIsHeard() {
        AwaitedStream expected = streams.expect("call-4", dir.resolve("call-4.wav"), ENDPOINTING);

        try (AudioSocketCaller stranger = AudioSocketCaller.connect(server.port())) {
            stranger.sendId(UUID.randomUUID());
            stranger.lineNoise(Duration.ofMillis(200), false);
            assertThat(stranger.awaitServerEnd(PATIENCE)).isTrue();
            assertThat(stranger.endedWithHangupFrame()).isFalse();
        }

        assertThat(expected.await(Duration.ofSeconds(1))).isInstanceOf(Heard.NotConnected.class);
        assertThat(Files.exists(dir.resolve("call-4.wav"))).isFalse();
    }

    @Test
    void aUuidIsServedOnceAReplayIsRefused() throws InterruptedException {
        AwaitedStream stream = streams.expect("call-5", dir.resolve("call-5.wav"), ENDPOINTING);
        try (AudioSocketCaller first = AudioSocketCaller.connect(server.port());
             AudioSocketCaller replay = AudioSocketCaller.connect(server.port())) {
            first.sendId(stream.id());
            first.lineNoise(Duration.ofMillis(100), false);
            assertThat(stream.awaitConnection(PATIENCE)).as("the first connection takes the stream").isTrue();
            replay.sendId(stream.id());
            assertThat(replay.awaitServerEnd(PATIENCE)).isTrue();
            assertThat(replay.endedWithHangupFrame()).isFalse();
            assertThat(first.serverEnded()).isFalse();
            first.sendDtmf('#');
            assertThat(first.awaitServerEnd(PATIENCE)).isTrue();
        }
        assertThat(stream.await(PATIENCE)).isInstanceOf(Heard.Silence.class);
    }

    @Test
    void aConnectionThatSaysNothingIsClosedAfterTheIdleTime() {
        try (AudioSocketCaller silent = AudioSocketCaller.connect(server.port())) {
            assertThat(silent.awaitServerEnd(PATIENCE)).isTrue();
            assertThat(silent.endedWithHangupFrame()).isFalse();
        }
    }

    @Test
    void audioBeforeTheUuidClosesTheConnection() {
        try (AudioSocketCaller confused = AudioSocketCaller.connect(server.port())) {
            confused.lineNoise(Duration.ofMillis(100), false);
            assertThat(confused.awaitServerEnd(PATIENCE)).isTrue();
            assertThat(confused.endedWithHangupFrame()).isFalse();
        }
    }

    @Test
    void aBadFrameBreaksOnlyItsOwnStreamAndKeepsTheAudioSoFar() throws IOException {
        TestSentences.Sentence sentence = TestSentences.ALL.get(2);
        AwaitedStream good = streams.expect("call-6", dir.resolve("call-6.wav"), ENDPOINTING);
        AwaitedStream bad = streams.expect("call-7", dir.resolve("call-7.wav"), ENDPOINTING);

        try (AudioSocketCaller healthy = AudioSocketCaller.connect(server.port());
             AudioSocketCaller broken = AudioSocketCaller.connect(server.port())) {
            healthy.sendId(good.id());
            broken.sendId(bad.id());
            CompletableFuture<Long> speaking = CompletableFuture.supplyAsync(() ->
                    healthy.stream(pcm(sentence.text()), true));
            broken.lineNoise(Duration.ofMillis(500), false);
            broken.frame(0x42, new byte[4]);
            assertThat(broken.awaitServerEnd(PATIENCE)).isTrue();
            assertThat(broken.endedWithHangupFrame()).as("ended cleanly, so the call goes on").isTrue();

            assertThat(bad.await(PATIENCE)).isInstanceOfSatisfying(Heard.Broken.class, b -> {
                assertThat(b.reason()).contains("unknown frame type 0x42");
                assertThat(b.recording()).contains(dir.resolve("call-7.wav"));
            });
            assertThat(WavAudio.read(dir.resolve("call-7.wav")).duration()).isEqualTo(Duration.ofMillis(500));

            speaking.join();
            healthy.lineNoise(Duration.ofSeconds(3), false);
            assertThat(healthy.awaitServerEnd(PATIENCE)).isTrue();
        }
        assertThat(((Heard.Words) good.await(PATIENCE)).text()).contains(sentence.keyWords());
    }

    @Test
    void aConnectionThatEndsInsideAFrameIsBroken() {
        AwaitedStream stream = streams.expect("call-8", dir.resolve("call-8.wav"), ENDPOINTING);
        try (AudioSocketCaller asterisk = AudioSocketCaller.connect(server.port())) {
            asterisk.sendId(stream.id());
            asterisk.lineNoise(Duration.ofMillis(200), false);
            asterisk.raw(new byte[]{0x10, 0x01, 0x40, 1, 2, 3, 4});
            asterisk.hangUp();
        }
        assertThat(stream.await(PATIENCE)).isInstanceOfSatisfying(Heard.Broken.class, b ->
                assertThat(b.reason()).contains("inside a frame").contains("promised 320"));
    }

    @Test
    void aCallerWhoHangsUpMidSentenceLeavesTheWordsSoFar() {
        TestSentences.Sentence sentence = TestSentences.ALL.get(3);
        AwaitedStream stream = streams.expect("call-9", dir.resolve("call-9.wav"), ENDPOINTING);
        try (AudioSocketCaller asterisk = AudioSocketCaller.connect(server.port())) {
            asterisk.sendId(stream.id());
            asterisk.stream(pcm(sentence.text()), false);
            asterisk.hangUp();
        }
        assertThat(stream.await(PATIENCE)).isInstanceOfSatisfying(Heard.Words.class, w -> {
            assertThat(w.ending()).isEqualTo(Heard.Ending.PEER_CLOSED);
            assertThat(w.text()).contains(sentence.keyWords());
        });
    }

    @Test
    void aPeerNotAllowedIsTurnedAway() throws Exception {
        ExpectedStreams none = new ExpectedStreams();
        try (AudioSocketServer strict = AudioSocketServer.start(ShippedSpeechSettings.audioSocket(1), TestModel.english(),
                none, address -> false)) {
            AwaitedStream stream = none.expect("call-10", dir.resolve("call-10.wav"), ENDPOINTING);
            try (AudioSocketCaller asterisk = AudioSocketCaller.connect(strict.port())) {
                asterisk.sendId(stream.id());
                assertThat(asterisk.awaitServerEnd(PATIENCE)).isTrue();
            }
            assertThat(stream.await(Duration.ofSeconds(1))).isInstanceOf(Heard.NotConnected.class);
        }
    }

    private static byte[] pcm(String sentence) {
        try {
            return WavAudio.read(TestSpeech.telephone(sentence)).pcm();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
