package ir.hotline137.ivr.call;

/** Asterisk answered a command with an error: a mistake on our side or a missing application there. */
public final class AgiCommandRefused extends RuntimeException {
    public AgiCommandRefused(String command, String reply) {
        super("Asterisk refused '" + command + "': " + reply);
    }
}
