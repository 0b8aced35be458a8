package ir.hotline137.ivr.call;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sounds Asterisk turned out not to have that the calls can do without (Asterisk's own beep): each is
 * logged once, with what to install, instead of once per call.
 */
final class MissingSounds {
    private static final Logger log = LoggerFactory.getLogger(MissingSounds.class);
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private MissingSounds() {
    }

    static void report(String sound) {
        if (REPORTED.add(sound)) {
            log.warn("Asterisk has no sound '{}': callers are asked to speak without it. Install Asterisk's core "
                    + "sounds (check with 'asterisk -rx \"core show sound {}\"'); this is logged once.", sound, sound);
        }
    }
}
