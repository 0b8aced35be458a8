package ir.hotline137.prompts;

/**
 * The prompts the call flows play by name. Number, ordinal, month and «و» pieces are not here: they are only
 * ever played as parts of an {@link Utterance} made by {@link SpokenNumbers} or {@link SpokenDates}. Nor are the
 * standard results, which are chosen by the text an agent wrote ({@link PromptCatalogue#standardResult}).
 *
 * <p>Each constant's file name is a name in the catalogue; a test keeps the two in step.
 */
public enum Prompt {
    // Welcome and the main menu
    WELCOME("welcome"),
    MAIN_MENU("main-menu"),
    INVALID_CHOICE("invalid-choice"),
    NO_INPUT("no-input"),
    TO_AGENT("to-agent"),
    SYSTEM_ERROR("system-error"),
    GOODBYE("goodbye"),

    // Registering a request
    DISTRICT_ASK("district-ask"),
    DISTRICT_INVALID("district-invalid"),
    DESCRIBE_ASK("describe-ask"),
    DESCRIPTION_MISSING("description-missing"),
    /** Followed by the Jalali date of the similar request, then {@link #DUPLICATE_CHOICE}. */
    DUPLICATE_FOUND("duplicate-found"),
    DUPLICATE_CHOICE("duplicate-choice"),
    /** Followed by the tracking code, digit by digit. */
    REGISTERED("registered"),
    /** Followed by the tracking code of the request the caller joined. */
    JOINED("joined"),
    CODE_AGAIN("code-again"),

    // Following up a request
    CODE_ASK("code-ask"),
    CODE_INVALID("code-invalid"),
    CODE_UNKNOWN("code-unknown"),
    STATUS_IS("status-is"),
    STATUS_REGISTERED("status-registered"),
    STATUS_REFERRED("status-referred"),
    STATUS_IN_PROGRESS("status-in-progress"),
    STATUS_RESOLVED("status-resolved"),
    STATUS_REJECTED("status-rejected"),
    STATUS_CLOSED("status-closed"),
    STATUS_DUPLICATE("status-duplicate"),
    /** Followed by a Jalali date, then {@link #LAST_CHANGE_END}. */
    LAST_CHANGE("last-change"),
    LAST_CHANGE_END("last-change-end"),
    /** Followed by a standard result prompt. */
    RESULT_IS("result-is"),
    /** Said instead of a result that is free text, which no recording can speak. */
    RESULT_WRITTEN("result-written"),

    // Calling a citizen back with news of their request
    /** Followed by the tracking code, digit by digit. */
    NOTICE_HELLO("notice-hello"),
    SATISFACTION_ASK("satisfaction-ask"),
    FIXED_ASK("fixed-ask"),
    NOT_FIXED_ASK("not-fixed-ask"),
    REOPENED("reopened"),
    ANSWER_THANKS("answer-thanks"),

    // Registering for a public meeting
    /** Played after {@link #MAIN_MENU} while a meeting takes registrations. */
    MAIN_MENU_MEETING("main-menu-meeting"),
    MEETING_MATTER_ASK("meeting-matter-ask"),
    MEETING_REGISTERED("meeting-registered"),
    MEETING_CLOSED("meeting-closed"),
    /** Followed by the meeting's Jalali day, {@link #MEETING_HOUR} and the hour, then {@link #MEETING_PLACE_SMS}. */
    NOTICE_MEETING_INVITED("notice-meeting-invited"),
    MEETING_HOUR("meeting-hour"),
    MEETING_PLACE_SMS("meeting-place-sms"),

    // Waiting for a person
    /** Followed by the caller's position in the queue as a cardinal number. */
    HOLD_POSITION("hold-position"),
    HOLD_PLEASE_WAIT("hold-please-wait"),
    AGENT_CONNECTING("agent-connecting"),
    AGENT_NO_ANSWER("agent-no-answer"),
    CALLBACK_OFFER("callback-offer"),
    /** Followed by the tracking code of the callback request. */
    CALLBACK_REGISTERED("callback-registered"),
    CALLBACK_EMPTY("callback-empty"),
    /** Said with the place to a caller who has waited {@code hotline.ivr.keep-place-after}: 1 keeps it. */
    KEEP_PLACE_OFFER("keep-place-offer"),
    KEEP_PLACE_KEPT("keep-place-kept"),
    /** To the agent whose phone was rung to call a citizen back, while the citizen's rings. */
    CALLBACK_CONNECTING("callback-connecting"),

    // Talking to the mayor
    /** Played after {@link #MAIN_MENU} while a mayor session is open. */
    MAIN_MENU_MAYOR("main-menu-mayor"),
    MAYOR_TOPIC_ASK("mayor-topic-ask"),
    MAYOR_TOPIC_MISSING("mayor-topic-missing"),
    MAYOR_IN_LINE("mayor-in-line"),
    /** Follows {@link #HOLD_POSITION} and the position on the mayor's line. */
    MAYOR_PLEASE_WAIT("mayor-please-wait"),
    /** Followed by a number of minutes and {@link #MINUTES}: how long the caller may still wait for the mayor. */
    HOLD_ESTIMATE("hold-estimate"),
    MINUTES("minutes"),
    MAYOR_CONNECTING("mayor-connecting"),
    MAYOR_NO_ANSWER("mayor-no-answer"),
    MAYOR_REJECTED("mayor-rejected"),
    MAYOR_SESSION_CLOSED("mayor-session-closed"),
    MAYOR_INTAKE_OFFER("mayor-intake-offer");

    private final String fileName;

    Prompt(String fileName) {
        this.fileName = fileName;
    }

    /** The prompt's name in the catalogue, which is also its sound file's name without {@code .wav}. */
    public String fileName() {
        return fileName;
    }
}
