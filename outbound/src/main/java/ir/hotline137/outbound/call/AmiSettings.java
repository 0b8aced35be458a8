package ir.hotline137.outbound.call;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the manager interface is and how a notice call is placed.
 *
 * @param dialString the channel to call, with {@code {number}} standing for the citizen's number as the requests keep
 *                   it (e.g. {@code PJSIP/{number}@trunk})
 * @param context    where an answered call enters the dialplan: it must run the hotline's {@code notify} script
 * @param callerId   what the citizen's phone shows
 * @param ringTime   how long the citizen's phone rings before the try counts as not answered
 * @param timeout    how long logging in or an action's response may take
 */
public record AmiSettings(String host, int port, String username, String password, String dialString,
                          String context, String extension, String callerId, Duration ringTime, Duration timeout) {
    /** The variable the originated channel carries, naming the notification its script speaks. */
    public static final String NOTICE_VARIABLE = "HOTLINE_NOTICE";
    /** The variable an agent's channel carries when it is rung to call a citizen back, naming the callback. */
    public static final String CALLBACK_VARIABLE = "HOTLINE_CALLBACK";

    public AmiSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (!dialString.contains("{number}")) {
            throw new IllegalArgumentException("the dial string must say where the number goes with {number}: "
                    + dialString);
        }
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(ringTime, "ringTime");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The channel to originate for this number. */
    public String channelFor(String number) {
        return dialString.replace("{number}", number);
    }
}
