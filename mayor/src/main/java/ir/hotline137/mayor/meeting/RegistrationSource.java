package ir.hotline137.mayor.meeting;

/** How a citizen registered for a meeting. */
public enum RegistrationSource {
    /** By phone, through the 137 line's menu while registration is open. */
    IVR,
    /** By an agent in the console, on the citizen's call. */
    AGENT,
    /** By 137 staff at the venue, on the day (as «مردم سلام» does at the mosque). */
    VENUE,
    /** Through the API, from the city's app. */
    API
}
