package ir.hotline137.requests;

/** How a request reached us. */
public enum RequestSource {
    IVR_SPEECH, AGENT, MAYOR_SESSION, API,
    /** A matter raised at a public meeting with the mayor or a deputy, referred there with its instruction. */
    MEETING
}
