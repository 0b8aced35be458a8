package ir.hotline137.hotline.speech;

import ir.hotline137.hotline.HotlineProperties;
import ir.hotline137.ivr.server.PeerAllowList;
import ir.hotline137.ivr.speech.RecordedSpeechCapture;
import ir.hotline137.ivr.speech.SpeechCapture;
import ir.hotline137.ivr.speech.StreamedSpeechCapture;
import ir.hotline137.ivr.speech.Transcriber;
import ir.hotline137.recognizer.audiosocket.AudioSocketServer;
import ir.hotline137.recognizer.audiosocket.ExpectedStreams;
import ir.hotline137.recognizer.model.ModelLoad;
import ir.hotline137.recognizer.model.ModelLoader;
import ir.hotline137.recognizer.model.SpeechModel;
import ir.hotline137.recognizer.transcription.FileTranscriber;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the running system hears callers, decided once at start-up: with a model, descriptions are streamed
 * over AudioSocket (or recorded and transcribed, as configured); without one, they are recorded for an agent,
 * as 137 lines worked before speech recognition. Owns the model and the AudioSocket server and frees them.
 */
public final class SpeechIntake implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SpeechIntake.class);

    private final Optional<SpeechModel> model;
    private final Optional<FileTranscriber> files;
    private final Optional<AudioSocketServer> audioSocket;
    private final SpeechCapture capture;

    private SpeechIntake(Optional<SpeechModel> model, Optional<FileTranscriber> files,
                         Optional<AudioSocketServer> audioSocket, SpeechCapture capture) {
        this.model = model;
        this.files = files;
        this.audioSocket = audioSocket;
        this.capture = capture;
    }

    public static SpeechIntake start(HotlineProperties properties) {
        HotlineProperties.Recognizer recognizer = properties.recognizer();
        switch (ModelLoader.load(recognizer.model())) {
            case ModelLoad.Unavailable missing -> {
                log.warn(missing.message());
                return new SpeechIntake(Optional.empty(), Optional.empty(), Optional.empty(),
                        new RecordedSpeechCapture(Transcriber.NONE));
            }
            case ModelLoad.Ready ready -> {
                SpeechModel model = ready.model();
                log.info("Speech model loaded in {} ms: {}", ready.took().toMillis(), model);
                FileTranscriber files = new FileTranscriber(model, recognizer.recognitionThreads());
                SpeechCapture recorded = new RecordedSpeechCapture(files::transcribe);
                if (recognizer.capture() == HotlineProperties.Capture.RECORD) {
                    return new SpeechIntake(Optional.of(model), Optional.of(files), Optional.empty(), recorded);
                }
                ExpectedStreams streams = new ExpectedStreams();
                HotlineProperties.Audiosocket audiosocket = properties.audiosocket();
                PeerAllowList asterisks = PeerAllowList.of("hotline.audiosocket.allowed-hosts",
                        audiosocket.allowedHosts());
                AudioSocketServer server;
                try {
                    server = AudioSocketServer.start(audiosocket.settings(recognizer), model, streams,
                            asterisks::allows);
                } catch (RuntimeException e) {
                    files.close();
                    model.close();
                    throw new IllegalStateException(e.getMessage() + " (hotline.audiosocket.bind, "
                            + "hotline.audiosocket.port)", e);
                }
                return new SpeechIntake(Optional.of(model), Optional.of(files), Optional.of(server),
                        new StreamedSpeechCapture(streams, server.service(), recognizer.endpointing(),
                                RecordedSpeechCapture.afterTheBeep(files::transcribe)));
            }
        }
    }

    /** What the call flows use to hear a description. */
    public SpeechCapture capture() {
        return capture;
    }

    /** The AudioSocket server, when descriptions are streamed. */
    public Optional<AudioSocketServer> audioSocket() {
        return audioSocket;
    }

    public boolean recognizes() {
        return model.isPresent();
    }

    @Override
    public void close() {
        audioSocket.ifPresent(AudioSocketServer::close);
        boolean decodesStopped = files.map(FileTranscriber::close).orElse(true);
        if (decodesStopped) {
            model.ifPresent(SpeechModel::close);
        }
    }
}
