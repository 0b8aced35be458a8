package ir.hotline137.recognizer;

import ir.hotline137.recognizer.audio.Endpointing;
import ir.hotline137.recognizer.audiosocket.AudioSocketSettings;
import ir.hotline137.testsupport.ShippedSettings;

/** The recognizer's settings as application.yml ships them, for tests and benchmarks. */
public final class ShippedSpeechSettings {
    private ShippedSpeechSettings() {
    }

    /** {@code hotline.recognizer.end-silence}, {@code no-speech} and {@code max-utterance}. */
    public static Endpointing endpointing() {
        ShippedSettings shipped = ShippedSettings.load();
        return new Endpointing(shipped.duration("hotline.recognizer.end-silence"),
                shipped.duration("hotline.recognizer.no-speech"), shipped.duration("hotline.recognizer.max-utterance"));
    }

    /** The AudioSocket server as shipped, but on a free loopback port and with {@code threads} decoders. */
    public static AudioSocketSettings audioSocket(int threads) {
        ShippedSettings shipped = ShippedSettings.load();
        return new AudioSocketSettings("127.0.0.1", 0, "", endpointing(),
                shipped.duration("hotline.recognizer.partial-interval"), threads);
    }
}
