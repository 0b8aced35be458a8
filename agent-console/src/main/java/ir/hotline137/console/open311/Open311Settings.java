package ir.hotline137.console.open311;

import java.util.Objects;

/**
 * How the GeoReport API behaves here ({@code hotline.open311}).
 *
 * @param contact          who app developers write to, as discovery says
 * @param postsPerMinute   requests one client may file in a minute; more are refused (429) until the minute passes
 * @param readsPerMinute   reads one address may make in a minute: reading needs no key, so this is what keeps one
 *                         reader from walking the store
 * @param listEveryChannel whether the public lists (requests, updates) show requests from every channel, or only
 *                         those filed through this API: a citizen who phoned did not publish their words
 */
public record Open311Settings(String contact, int postsPerMinute, int readsPerMinute, boolean listEveryChannel) {
    public Open311Settings {
        Objects.requireNonNull(contact, "contact");
        if (postsPerMinute < 1) {
            throw new IllegalArgumentException("hotline.open311.posts-per-minute must be positive: " + postsPerMinute);
        }
        if (readsPerMinute < 1) {
            throw new IllegalArgumentException("hotline.open311.reads-per-minute must be positive: " + readsPerMinute);
        }
    }
}
