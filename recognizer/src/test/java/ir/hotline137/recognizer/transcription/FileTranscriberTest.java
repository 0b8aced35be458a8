package ir.hotline137.recognizer.transcription;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hotline137.recognizer.TestModel;
import ir.hotline137.recognizer.TestSentences;
import ir.hotline137.recognizer.TestSpeech;
import ir.hotline137.recognizer.audio.WavRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transcribing recordings with the real small English model, on espeak's voice turned into telephone audio. A
 * complaint must come back with its key words. A file that cannot be read, or holds only the hiss of the line, yields no words and no exception: the caller's
 * request goes on without them.
 */
class FileTranscriberTest {
    private static FileTranscriber transcriber;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadTheModel() {
        transcriber = new FileTranscriber(TestModel.english(), 2);
    }

    @AfterAll
    static void stopTheDecoders() {
        transcriber.close();
    }

    /** Every test sentence: the test model decodes without dither, so each one is heard the same every run. */
    static Stream<TestSentences.Sentence> complaints() {
        return TestSentences.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("complaints")
    void aSpokenComplaintComesBackWithItsKeyWords(TestSentences.Sentence complaint) {
        Optional<String> words = transcriber.transcribe(TestSpeech.telephone(complaint.text()));

        assertThat(words).hasValueSatisfying(text -> assertThat(text).contains(complaint.keyWords()));
    }

    @Test
    void aWidebandRecordingNeedsNoResamplingAndIsHeardToo() {
        TestSentences.Sentence complaint = TestSentences.ALL.get(1);

        assertThat(transcriber.transcribe(TestSpeech.wideband(complaint.text())))
                .hasValueSatisfying(text -> assertThat(text).contains(complaint.keyWords()));
    }

    @Test
    void aFileThatIsNotAWavYieldsNoWords() throws IOException {
        Path notAudio = Files.writeString(dir.resolve("complaint.wav"), "This is a text file, not a recording.");

        assertThat(transcriber.transcribe(notAudio)).isEmpty();
    }

    @Test
    void aFileThatIsNotThereYieldsNoWords() {
        Path missing = dir.resolve("never-recorded.wav");

        assertThat(transcriber.transcribe(missing)).isEmpty();
    }

    @Test
    void aRecordingOfOnlyTheLineYieldsNoWords() throws IOException {
        Path hiss = record("hiss.wav", 5, 40);
        Path silence = record("silence.wav", 5, 0);

        assertThat(transcriber.transcribe(hiss)).isEmpty();
        assertThat(transcriber.transcribe(silence)).isEmpty();
    }

    @Test
    void anEmptyRecordingYieldsNoWords() throws IOException {
        WavRecorder.create(dir.resolve("empty.wav"), 8_000).close();

        assertThat(transcriber.transcribe(dir.resolve("empty.wav"))).isEmpty();
    }

    /** Seconds of 8 kHz Gaussian noise of the given standard deviation, as a recording of the line holds it. */
    private Path record(String name, int seconds, double sigma) throws IOException {
        Random random = new Random(137);
        byte[] pcm = new byte[seconds * 16_000];
        for (int i = 0; i < pcm.length; i += 2) {
            int sample = (int) Math.round(random.nextGaussian() * sigma);
            pcm[i] = (byte) sample;
            pcm[i + 1] = (byte) (sample >> 8);
        }
        try (WavRecorder recorder = WavRecorder.create(dir.resolve(name), 8_000)) {
            recorder.write(pcm, 0, pcm.length);
            return recorder.file();
        }
    }
}
