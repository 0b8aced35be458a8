package ir.hotline137.ivr;

import ir.hotline137.ivr.server.FastAgiSettings;
import ir.hotline137.testsupport.ShippedSettings;
import java.nio.file.Path;
import java.time.ZoneId;

/** The IVR's settings as application.yml ships them, for tests and benchmarks. */
public final class ShippedIvrSettings {
    private ShippedIvrSettings() {
    }

    /** The city's zone, {@code hotline.time-zone}. */
    public static ZoneId zone() {
        return ZoneId.of(ShippedSettings.load().text("hotline.time-zone"));
    }

    /** {@code hotline.ivr.*}, recording into {@code recordings}. */
    public static IvrSettings ivr(Path recordings) {
        ShippedSettings shipped = ShippedSettings.load();
        String at = "hotline.ivr.";
        return new IvrSettings(shipped.text(at + "sounds"), recordings, zone(), shipped.integer(at + "tries"),
                shipped.duration(at + "keypad-timeout"), shipped.duration(at + "description-limit"),
                shipped.duration(at + "description-silence"), shipped.duration(at + "hold-announcement"),
                shipped.duration(at + "answer-timeout"), shipped.duration(at + "hold-listen"),
                shipped.duration(at + "ring-timeout"), shipped.text(at + "untranscribed-description"),
                shipped.text(at + "callback-description"), shipped.duration(at + "keep-place-after"));
    }

    /** {@code hotline.fastagi.*} as shipped (loopback), but on a free port. */
    public static FastAgiSettings fastAgi() {
        ShippedSettings shipped = ShippedSettings.load();
        String at = "hotline.fastagi.";
        return new FastAgiSettings(shipped.text(at + "bind"), 0, shipped.texts(at + "allowed-hosts"),
                shipped.duration(at + "header-timeout"), shipped.integer(at + "max-line-bytes"),
                shipped.duration(at + "read-timeout"));
    }
}
