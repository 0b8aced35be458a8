package ir.hotline137.recognizer.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.recognizer.TestModel;
import ir.hotline137.recognizer.TestSentences;
import ir.hotline137.recognizer.TestSpeech;
import ir.hotline137.recognizer.audio.WavAudio;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One utterance fed as it streams in, with the real small English model. The words so far are shown to an agent
 * while the caller speaks, so {@link Transcription#partial()} must grow as the sentence goes on, and
 * {@link Transcription#finish()} must hold the words. A Vosk recognizer holds native memory, so once finished or
 * closed a transcription must refuse further use rather than touch a freed recognizer, and closing twice must be
 * harmless. {@link Transcription#heard()} is the audio time fed, at the line's rate.
 */
class TranscriptionTest {
    private static final int FRAME = 320;

    @Test
    void thePartialGrowsWhileASentenceIsFedAndFinishHoldsTheWords() throws IOException {
        TestSentences.Sentence sentence = TestSentences.ALL.get(9); // the school gate: a long one
        byte[] pcm = WavAudio.read(TestSpeech.telephone(sentence.text())).pcm();
        List<String> partials = new ArrayList<>();
        String words;
        try (Transcription transcription = Transcription.of(TestModel.english(), 8_000)) {
            assertThat(transcription.partial()).as("before any audio").isEmpty();
            for (int at = 0; at < pcm.length; at += FRAME) {
                transcription.accept(pcm, at, Math.min(FRAME, pcm.length - at));
                if ((at / FRAME) % 10 == 9) { // every 200 ms, as a screen would ask
                    partials.add(transcription.partial());
                }
            }
            words = transcription.finish();
        }

        // Vosk revises its guess as it goes, so a partial may drop a word it had; over the sentence it grows.
        List<Integer> wordCounts = partials.stream().map(TranscriptionTest::wordCount).toList();
        int firstSecond = wordCounts.subList(0, 5).stream().max(Integer::compare).orElseThrow();
        assertThat(firstSecond).as("words in the first second").isLessThanOrEqualTo(4);
        assertThat(wordCounts.subList(wordCounts.size() - 3, wordCounts.size())).as("words at the end")
                .allSatisfy(count -> assertThat(count).isGreaterThan(firstSecond).isGreaterThanOrEqualTo(6));
        assertThat(partials.stream().filter(p -> !p.isEmpty()).distinct().count()).isGreaterThanOrEqualTo(4);
        assertThat(partials.getLast()).contains(sentence.keyWords());
        assertThat(words).contains(sentence.keyWords()).doesNotContain("[unk]");
    }

    @Test
    void afterAPauseThePartialKeepsTheWordsBeforeItAndFinishHoldsBoth() throws IOException {
        // Vosk ends a segment at a pause and forgets it; the transcription must not.
        TestSentences.Sentence first = TestSentences.ALL.get(1); // the garbage
        TestSentences.Sentence second = TestSentences.ALL.get(4); // the traffic lights
        byte[] before = WavAudio.read(TestSpeech.telephone(first.text())).pcm();
        byte[] after = WavAudio.read(TestSpeech.telephone(second.text())).pcm();
        byte[] pause = new byte[2 * 16_000];
        try (Transcription transcription = Transcription.of(TestModel.english(), 8_000)) {
            feed(transcription, before);
            feed(transcription, pause);
            feed(transcription, Arrays.copyOf(after, after.length / 2));

            // Half-way through "the traffic lights are not working": the first sentence, then the second so far.
            String partial = transcription.partial();
            assertThat(partial).contains(first.keyWords()).contains("traffic");
            assertThat(partial.indexOf("garbage")).isLessThan(partial.indexOf("traffic"));

            feed(transcription, Arrays.copyOfRange(after, after.length / 2, after.length));
            String words = transcription.finish();
            assertThat(words).contains(first.keyWords()).contains(second.keyWords());
            assertThat(words.indexOf(first.keyWords().getFirst()))
                    .isLessThan(words.indexOf(second.keyWords().getFirst()));
        }
    }

    @Test
    void aTranscriptionWithNoAudioFinishesWithNoWords() throws IOException {
        Transcription transcription = Transcription.of(TestModel.english(), 8_000);

        assertThat(transcription.finish()).isEmpty();
        assertThat(transcription.heard()).isZero();
    }

    @Test
    void afterFinishEveryUseIsRefusedAndCloseIsHarmless() throws IOException {
        Transcription transcription = Transcription.of(TestModel.english(), 8_000);
        byte[] pcm = WavAudio.read(TestSpeech.telephone("yes")).pcm();
        transcription.accept(pcm, 0, pcm.length);
        transcription.finish();

        assertThatThrownBy(() -> transcription.accept(pcm, 0, FRAME)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("finished");
        assertThatThrownBy(transcription::partial).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(transcription::finish).isInstanceOf(IllegalStateException.class);
        transcription.close();
        transcription.close();
        assertThatThrownBy(transcription::partial).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterCloseEveryUseIsRefusedAndASecondCloseIsHarmless() throws IOException {
        Transcription transcription = Transcription.of(TestModel.english(), 8_000);
        transcription.close();
        transcription.close();

        assertThatThrownBy(() -> transcription.accept(new byte[FRAME], 0, FRAME))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(transcription::partial).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(transcription::finish).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void heardIsTheAudioTimeFedAtTheLinesRate() throws IOException {
        byte[] second = new byte[16_000];
        try (Transcription narrowband = Transcription.of(TestModel.english(), 8_000);
             Transcription wideband = Transcription.of(TestModel.english(), 16_000)) {
            narrowband.accept(second, 0, second.length);
            narrowband.accept(second, 0, 8_000);
            wideband.accept(second, 0, second.length);

            assertThat(narrowband.heard()).isEqualTo(Duration.ofMillis(1_500));
            assertThat(wideband.heard()).isEqualTo(Duration.ofMillis(500));

            narrowband.accept(second, 0, 3); // a sample and a half: only whole samples count
            assertThat(narrowband.heard()).isEqualTo(Duration.ofMillis(1_500).plusNanos(125_000));
            narrowband.accept(second, 0, 1);
            assertThat(narrowband.heard()).isEqualTo(Duration.ofMillis(1_500).plusNanos(250_000));
        }
    }

    @Test
    void heardStillAnswersAfterFinish() throws IOException {
        Transcription transcription = Transcription.of(TestModel.english(), 8_000);
        transcription.accept(new byte[3_200], 0, 3_200);
        transcription.finish();

        // Unlike the rest, heard() touches no native memory: how long the caller spoke can be logged afterwards.
        assertThat(transcription.heard()).isEqualTo(Duration.ofMillis(200));
    }

    private static void feed(Transcription transcription, byte[] pcm) {
        for (int at = 0; at < pcm.length; at += FRAME) {
            transcription.accept(pcm, at, Math.min(FRAME, pcm.length - at));
        }
    }

    private static int wordCount(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
