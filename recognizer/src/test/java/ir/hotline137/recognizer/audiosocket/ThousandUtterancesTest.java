package ir.hotline137.recognizer.audiosocket;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.recognizer.ShippedSpeechSettings;
import ir.hotline137.testsupport.audiosocket.AudioSocketCaller;
import ir.hotline137.recognizer.TestModel;
import ir.hotline137.recognizer.TestSpeech;
import ir.hotline137.recognizer.audio.Endpointing;
import ir.hotline137.recognizer.audio.WavAudio;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every utterance gets its own Vosk recognizer, whose native memory grows with what it decodes, and every way a
 * stream can end must free it: 1,000 short streams in a row, ending by #, by a hang-up or by a malformed frame,
 * leave the process no bigger than the first hundred did. (A recognizer left open costs over 2 MB here, so a leak
 * on any one of the three paths would add several hundred MB.)
 */
class ThousandUtterancesTest {
    private static final int UTTERANCES = 1_000;
    private static final int WARM_UP = 100;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aThousandUtterancesInARowDoNotGrowTheProcess() throws Exception {
        // Every tenth utterance is a whole spoken word, decoded; the others are a moment of it, too short to be
        // speech, so the recognizer is made and must be freed without decoding (and the test stays short).
        byte[] word = WavAudio.read(TestSpeech.telephone("yes")).pcm();
        byte[] moment = Arrays.copyOf(word, AudioSocketCaller.FRAME_BYTES * 2);
        ExpectedStreams streams = new ExpectedStreams();
        Endpointing endpointing = new Endpointing(Duration.ofMillis(1200), Duration.ofSeconds(6), Duration.ofSeconds(60));
        ConcurrentMap<Class<?>, Integer> endings = new ConcurrentHashMap<>();
        long nativeAfterWarmUp;
        try (AudioSocketServer server = AudioSocketServer.start(ShippedSpeechSettings.audioSocket(2), TestModel.english(),
                streams, InetAddress::isLoopbackAddress);
             ExecutorService callers = Executors.newFixedThreadPool(2)) {
            run(callers, server, streams, endpointing, word, moment, 0, WARM_UP, endings);
            nativeAfterWarmUp = nativeMegabytes();
            run(callers, server, streams, endpointing, word, moment, WARM_UP, UTTERANCES, endings);
        }
        long growth = nativeMegabytes() - nativeAfterWarmUp;

        assertThat(endings.keySet()).isSubsetOf(Heard.Words.class, Heard.NoWords.class, Heard.Silence.class,
                Heard.Broken.class);
        assertThat(endings.get(Heard.Broken.class)).isEqualTo(UTTERANCES / 3);
        assertThat(endings.get(Heard.Words.class)).as("the whole words ended by # or a hang-up")
                .isGreaterThanOrEqualTo(UTTERANCES / 10 * 2 / 3 - 1);
        assertThat(growth).as("MB of memory outside the Java heap gained over %d utterances", UTTERANCES - WARM_UP)
                .isLessThan(100);
    }

    private void run(ExecutorService callers, AudioSocketServer server, ExpectedStreams streams,
                     Endpointing endpointing, byte[] word, byte[] moment, int from, int to,
                     ConcurrentMap<Class<?>, Integer> endings) throws Exception {
        Future<?>[] pair = new Future<?>[2];
        for (int lane = 0; lane < 2; lane++) {
            int first = from + lane;
            pair[lane] = callers.submit(() -> {
                for (int i = first; i < to; i += 2) {
                    AwaitedStream stream = streams.expect("call-" + i, dir.resolve(i + ".wav"), endpointing);
                    try (AudioSocketCaller asterisk = AudioSocketCaller.connect(server.port())) {
                        asterisk.sendId(stream.id());
                        asterisk.stream(i % 10 == 0 ? word : moment, false);
                        switch (i % 3) {
                            case 0 -> asterisk.sendDtmf('#');
                            case 1 -> asterisk.hangUp();
                            default -> asterisk.frame(0x7e, new byte[2]);
                        }
                        asterisk.awaitServerEnd(PATIENCE);
                    }
                    endings.merge(stream.await(PATIENCE).getClass(), 1, Integer::sum);
                    deleteQuietly(dir.resolve(i + ".wav"));
                }
                return null;
            });
        }
        for (Future<?> lane : pair) {
            lane.get();
        }
    }

    /** Resident memory less the Java heap: where recognizers live. */
    private static long nativeMegabytes() throws IOException {
        System.gc();
        long residentKb = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElseThrow();
        return residentKb / 1024 - Runtime.getRuntime().totalMemory() / (1024 * 1024);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temp folder; JUnit removes it anyway
        }
    }
}
