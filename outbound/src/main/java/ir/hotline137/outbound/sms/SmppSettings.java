package ir.hotline137.outbound.sms;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the SMS centre is and who we are to it ({@code hotline.sms.*}).
 *
 * @param sourceAddress the number (or name) citizens see the SMS come from, e.g. 20000137
 * @param timeout       how long to wait for the centre's answer to a bind or a submit
 */
public record SmppSettings(String host, int port, String systemId, String password, String sourceAddress,
                           Duration timeout) {
    public SmppSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(timeout, "timeout");
        // SMPP 3.4 section 4.1.1: a bind's system_id and password are C-octet strings of at most 16 and 9 octets,
        // the closing NUL included; a centre (and jSMPP) refuses a longer one at every bind.
        if (systemId.length() > 15) {
            throw new IllegalArgumentException("hotline.sms.system-id is longer than SMPP allows (15 characters)");
        }
        if (password.length() > 8) {
            throw new IllegalArgumentException("hotline.sms.password is longer than SMPP allows (8 characters)");
        }
        if (sourceAddress.length() > 20) {
            throw new IllegalArgumentException("hotline.sms.source-address is longer than SMPP allows (20 characters)");
        }
    }
}
