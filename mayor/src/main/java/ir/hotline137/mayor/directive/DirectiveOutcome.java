package ir.hotline137.mayor.directive;

import ir.hotline137.mayor.line.ScreeningState;
import java.time.LocalDate;

/** What became of a directive: a referred request, or why none was made (and then nothing was written). */
public sealed interface DirectiveOutcome {

    /** The directive is a request now, referred to its unit. */
    record Given(String code, String sessionId, String callId, String unit, String assignee, LocalDate deadline,
                 String text, String status) implements DirectiveOutcome {
    }

    /** The draft cannot be a directive as it is: {@code field} says which part and {@code why}, what is wrong. */
    record Invalid(String field, String why) implements DirectiveOutcome {
    }

    /** No mayor session ever had a caller on this call. */
    record NoSuchCaller(String callId) implements DirectiveOutcome {
    }

    /** The caller is known, but the mayor has not talked to them (yet): they are {@code state}. */
    record NotHeard(String callId, ScreeningState state) implements DirectiveOutcome {
    }
}
