package ir.hotline137.recognizer.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.recognizer.TestModel;
import ir.hotline137.recognizer.TestSentences;
import ir.hotline137.recognizer.TestSpeech;
import ir.hotline137.recognizer.audio.WavAudio;
import ir.hotline137.recognizer.grammar.GrammarCatalogue;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
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

        List<Integer> wordCounts = partials.stream().map(TranscriptionTest::wordCount).toList();
        assertThat(wordCounts.getFirst()).as("nothing is said in the first 200 ms").isZero();
        assertThat(partials).as("the partials").filteredOn(p -> !p.isEmpty()).map(TranscriptionTest::wordCount)
                .as("word counts as the sentence goes on").isSorted();
        assertThat(partials.stream().filter(p -> !p.isEmpty()).distinct().count()).isGreaterThanOrEqualTo(3);
        assertThat(wordCounts.getLast()).isGreaterThanOrEqualTo(5);
        assertThat(partials.getLast()).contains(sentence.keyWords());
        assertThat(words).contains(sentence.keyWords()).doesNotContain("[unk]");
        assertThat(wordCount(words)).isGreaterThanOrEqualTo(wordCounts.getLast());
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
        Transcription transcription = Transcription.of(TestModel.english(), 8_000,
                GrammarCatalogue.forLanguage("en").grammar("yes-no"));
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

    private static int wordCount(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
