package ir.hotline137.requests;

import ir.hotline137.requests.duplicates.DuplicateSettings;
import ir.hotline137.testsupport.ShippedSettings;

/** The requests module's settings as application.yml ships them, for tests and benchmarks. */
public final class ShippedRequestSettings {
    private ShippedRequestSettings() {
    }

    /** {@code hotline.duplicates.*}: the duplicate search as a deployment runs it. */
    public static DuplicateSettings duplicates() {
        ShippedSettings shipped = ShippedSettings.load();
        return new DuplicateSettings(shipped.duration("hotline.duplicates.window"),
                shipped.decimal("hotline.duplicates.threshold"),
                shipped.decimal("hotline.duplicates.other-category-factor"),
                shipped.integer("hotline.duplicates.candidates"));
    }
}
