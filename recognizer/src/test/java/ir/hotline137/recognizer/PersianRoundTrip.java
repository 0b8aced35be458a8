package ir.hotline137.recognizer;

import ir.hotline137.recognizer.model.ModelLoad;
import ir.hotline137.recognizer.model.ModelLoader;
import ir.hotline137.recognizer.transcription.FileTranscriber;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a child process started under a C locale by {@link PersianUnderCLocaleTest}: loads a model,
 * transcribes a recording and writes what it heard, in UTF-8, to a file (the console of a C locale could not
 * show it).
 */
public final class PersianRoundTrip {
    private PersianRoundTrip() {
    }

    /** Arguments: model folder, WAV file, output file. */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[2]);
        String result;
        if (ModelLoader.load(Path.of(args[0])) instanceof ModelLoad.Ready ready) {
            FileTranscriber transcriber = new FileTranscriber(ready.model(), 1);
            result = transcriber.transcribe(Path.of(args[1])).orElse("nothing");
            transcriber.close();
        } else {
            result = "no model";
        }
        Files.writeString(out, result + "\n" + System.getProperty("sun.jnu.encoding"), StandardCharsets.UTF_8);
    }
}
