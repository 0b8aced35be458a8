package ir.hotline137.ivr.speech;

/**
 * The caller said something and then hung up instead of pressing #, as people often do after leaving a
 * message. What they said is kept: the flow stores it with the call before winding the call up.
 */
public final class SpokenThenHungUp extends RuntimeException {
    private final transient CapturedSpeech speech;

    public SpokenThenHungUp(CapturedSpeech speech) {
        super("caller hung up after speaking", null, false, false);
        this.speech = speech;
    }

    public CapturedSpeech speech() {
        return speech;
    }
}
