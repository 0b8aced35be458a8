package ir.hotline137.mayor.directive;

import java.util.Optional;

/**
 * What the moderator writes down while (or after) the mayor talks to a caller.
 *
 * @param callId   the call of the caller the mayor talked to
 * @param text     what the mayor ordered, in the moderator's words
 * @param unit     the deputy's office or district manager it is referred to
 * @param assignee a named person in that unit, if any
 * @param deadline by when, as typed ({@code 2026-12-21}); empty for the programme's default
 * @param district where; empty for the caller's own
 * @param category the kind of problem; empty to suggest one from the text
 */
public record DirectiveDraft(String callId, String text, String unit, Optional<String> assignee,
                             Optional<String> deadline, Optional<Integer> district, Optional<String> category) {
}
