package ir.hotline137.recognizer.model;

import java.io.IOException;
import java.nio.file.Path;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * A Vosk model, loaded once and shared by every recognition: loading takes a while and the model is large,
 * while a recognizer is cheap. The model is thread-safe; each recognizer it makes is for one thread and one
 * utterance at a time.
 */
public final class SpeechModel implements AutoCloseable {
    private final Model model;
    private final Path folder;
    private final int sampleRate;

    SpeechModel(Model model, Path folder, int sampleRate) {
        this.model = model;
        this.folder = folder;
        this.sampleRate = sampleRate;
    }

    /** The folder the model was loaded from. */
    public Path folder() {
        return folder;
    }

    /** The rate the model was trained at (16 kHz for the small models); audio must be resampled to it. */
    public int sampleRate() {
        return sampleRate;
    }

    /** A recognizer for free speech. The caller closes it: its native memory grows with the audio decoded. */
    public Recognizer newRecognizer() throws IOException {
        return new Recognizer(model, sampleRate);
    }

    @Override
    public void close() {
        model.close();
    }

    @Override
    public String toString() {
        return "SpeechModel[" + sampleRate + " Hz, " + folder + "]";
    }
}
