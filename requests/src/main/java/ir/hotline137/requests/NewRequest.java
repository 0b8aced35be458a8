package ir.hotline137.requests;

import ir.hotline137.requests.location.Location;
import java.util.Optional;

/**
 * What the IVR, an agent or the API hands in to be registered, before it is checked.
 *
 * @param category  may be empty: the desk then suggests one from the description
 * @param actor     who registers it, for the history ("ivr", an agent's user name)
 * @param note      an extra first history line, e.g. "caller hung up before confirmation"
 * @param location  where the problem is, when the channel knows (the city's app)
 */
public record NewRequest(
        Optional<String> callerNumber,
        int district,
        Optional<String> category,
        String description,
        RequestSource source,
        Optional<String> audioReference,
        String actor,
        Optional<String> note,
        Optional<Location> location) {

    /** A request whose channel says nothing of where the problem is (the phone, most agents). */
    public NewRequest(Optional<String> callerNumber, int district, Optional<String> category, String description,
                      RequestSource source, Optional<String> audioReference, String actor, Optional<String> note) {
        this(callerNumber, district, category, description, source, audioReference, actor, note, Optional.empty());
    }

    public static NewRequest fromCaller(String callerNumber, int district, String description, RequestSource source) {
        return new NewRequest(Optional.ofNullable(callerNumber), district, Optional.empty(), description, source,
                Optional.empty(), "ivr", Optional.empty());
    }

    public NewRequest withCategory(String newCategory) {
        return new NewRequest(callerNumber, district, Optional.of(newCategory), description, source, audioReference,
                actor, note, location);
    }
}
