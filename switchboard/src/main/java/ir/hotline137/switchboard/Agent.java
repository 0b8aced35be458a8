package ir.hotline137.switchboard;

import java.util.Objects;

/**
 * A person who answers escalated calls.
 *
 * @param username    the console login; how the switchboard tells agents apart
 * @param displayName shown to colleagues and supervisors
 * @param dialString  how the phone system rings the agent's phone, e.g. "PJSIP/101"; the IVR dials it to
 *                    bridge the caller
 */
public record Agent(String username, String displayName, String dialString) {
    public Agent {
        requireText(username, "username");
        requireText(displayName, "displayName");
        requireText(dialString, "dialString");
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("agent " + name + " is blank");
        }
    }
}
