package ir.hotline137.requests;

import java.util.Optional;

/**
 * What the IVR, an agent or the API hands in to be registered, before it is checked.
 *
 * @param category  may be empty: the desk then suggests one from the description
 * @param actor     who registers it, for the history ("ivr", an agent's user name)
 * @param note      an extra first history line, e.g. "caller hung up before confirmation"
 */
public record NewRequest(
        Optional<String> callerNumber,
        int district,
        Optional<String> category,
        String description,
        RequestSource source,
        Optional<String> audioReference,
        String actor,
        Optional<String> note) {

    public static NewRequest fromCaller(String callerNumber, int district, String description, RequestSource source) {
        return new NewRequest(Optional.ofNullable(callerNumber), district, Optional.empty(), description, source,
                Optional.empty(), "ivr", Optional.empty());
    }

    public NewRequest withCategory(String newCategory) {
        return new NewRequest(callerNumber, district, Optional.of(newCategory), description, source, audioReference,
                actor, note);
    }
}
