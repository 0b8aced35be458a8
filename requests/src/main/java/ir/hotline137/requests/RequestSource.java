package ir.hotline137.requests;

/** How a request reached us. */
public enum RequestSource {
    IVR_SPEECH, AGENT, MAYOR_SESSION, API
}
