package ir.hotline137.console.requests;

/** The JSON bodies the requests API takes. Fields are boxed so that a missing one can be named. */
final class RequestBodies {
    private RequestBodies() {
    }

    /** A request an agent registers (from a call, or a letter or a visit). */
    /** @param callId the call on the card it is registered from, whose recording the request keeps */
    record Register(String callerNumber, Integer district, String category, String description, String note,
                    String callId) {
    }

    /** A move along the lifecycle, with what the caller will hear when they follow up. */
    record StatusChange(String status, String result) {
    }

    /** The caller on the line backs an existing request instead of registering the same problem again. */
    record Join(String callerNumber) {
    }

    /** Who must act and by when; empty parts take the category's defaults. The deadline is YYYY-MM-DD. */
    record Referral(String unit, String assignee, String deadline) {
    }

    record Note(String text) {
    }

    /** {@code of}: the tracking code of the open request this one repeats. */
    record Duplicate(String of) {
    }

    /**
     * Where the problem is, as the caller says it: an address in words, a point (both {@code latitude} and
     * {@code longitude}, WGS 84 degrees), or both.
     */
    record LocationChange(Double latitude, Double longitude, String address) {
    }

    /** @param category a configured category's id */
    record CategoryChange(String category) {
    }

    /** @param resolved true, or absent: a result resolves the request */
    record Result(String result, Boolean resolved) {
    }

    /** @param reason why the request is not the unit's */
    record SendBack(String reason) {
    }
}
