package ir.hotline137.ivr.notice;

import ir.hotline137.ivr.IvrSettings;
import ir.hotline137.ivr.call.ActiveCall;
import ir.hotline137.ivr.call.CallerHungUp;
import ir.hotline137.ivr.call.KeypadQuestion;
import ir.hotline137.ivr.call.Phone;
import ir.hotline137.ivr.callback.CallbackCall;
import ir.hotline137.ivr.escalation.Escalation;
import ir.hotline137.ivr.followup.FollowUp;
import ir.hotline137.ivr.server.ScreenedConnection;
import ir.hotline137.ivr.speech.CapturedSpeech;
import ir.hotline137.ivr.speech.RecordingFolder;
import ir.hotline137.ivr.speech.SpeechCapture;
import ir.hotline137.ivr.speech.SpokenThenHungUp;
import ir.hotline137.mayor.meeting.MeetingDesk;
import ir.hotline137.mayor.meeting.MeetingInvitations;
import ir.hotline137.outbound.call.AmiSettings;
import ir.hotline137.outbound.outbox.NoticeKind;
import ir.hotline137.outbound.outbox.Notification;
import ir.hotline137.outbound.outbox.Outbox;
import ir.hotline137.prompts.Prompt;
import ir.hotline137.prompts.SpokenDates;
import ir.hotline137.prompts.SpokenNumbers;
import ir.hotline137.prompts.Utterance;
import ir.hotline137.requests.CitizenRequest;
import ir.hotline137.requests.RequestDesk;
import ir.hotline137.requests.RequestStatus;
import ir.hotline137.requests.Satisfaction;
import ir.hotline137.switchboard.EscalationReason;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The script of a call the hotline placed ({@code agi://HOST:4573/notify}): the citizen has answered, and the channel
 * names the notification in {@link AmiSettings#NOTICE_VARIABLE}. That it was answered is recorded first, so the
 * notification is never called again whatever the manager interface says later. Then: who is calling and about which
 * code, the status and the result, and after a result that still stands two keypad questions: how satisfied (1 to 5), and is it really
 * fixed (1 yes, 2 no). "No" asks what is still wrong, in the citizen's own words, and sends the request back to its
 * unit with them.
 *
 * <p>A result in the unit's own words cannot be spoken from recordings: as on a follow-up call, 0 takes the citizen
 * to an agent who reads it (it was sent by SMS too, where there is an SMS centre).
 *
 * <p>A meeting's invitation (no request: the notice's key names the registration) says the day and the hour of the
 * citizen's turn, and that the place came by SMS, since no recording can say a place.
 *
 * <p>The same script takes the other call the hotline places, an agent's phone rung to call a citizen back: its
 * channel names the callback in {@link AmiSettings#CALLBACK_VARIABLE}, and {@link CallbackCall} goes on from there.
 */
public final class NoticeCall implements AgiScript {
    public static final String SCRIPT = "notify";
    /** Who gave a satisfaction answer, in the request's history. */
    public static final String ACTOR = "ivr";
    private static final Logger log = LoggerFactory.getLogger(NoticeCall.class);

    private final Outbox outbox;
    private final CallbackCall callbacks;
    private final MeetingDesk meetings;
    private final RequestDesk desk;
    private final FollowUp followUp;
    private final Escalation escalation;
    private final SpeechCapture speech;
    private final RecordingFolder recordings;
    private final IvrSettings settings;
    private final Clock clock;

    public NoticeCall(Outbox outbox, CallbackCall callbacks, MeetingDesk meetings, RequestDesk desk,
                      FollowUp followUp, Escalation escalation, SpeechCapture speech, RecordingFolder recordings,
                      IvrSettings settings, Clock clock) {
        this.outbox = outbox;
        this.callbacks = callbacks;
        this.meetings = meetings;
        this.desk = desk;
        this.followUp = followUp;
        this.escalation = escalation;
        this.speech = speech;
        this.recordings = recordings;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        Phone phone = new Phone(channel, ScreenedConnection.ofThisCall().orElseThrow(() ->
                new IllegalStateException("calls reach NoticeCall through FastAgiServer, whose gate screens them")),
                settings);
        try {
            Optional<Long> callback = phone.variable(AmiSettings.CALLBACK_VARIABLE).flatMap(NoticeCall::number);
            if (callback.isPresent()) {
                callbacks.run(phone, request.getUniqueId(), callback.get());
                phone.markHandled();
                return;
            }
            Optional<Notification> notice = phone.variable(AmiSettings.NOTICE_VARIABLE).flatMap(NoticeCall::number)
                    .flatMap(outbox::callAnswered);
            Optional<LocalDateTime> meeting = notice.flatMap(MeetingInvitations::registrationOf)
                    .flatMap(meetings::expectedAt);
            if (meeting.isPresent()) {
                inviteTo(phone, meeting.get());
                phone.markHandled();
                return;
            }
            Optional<CitizenRequest> about = notice.flatMap(Notification::request).flatMap(desk::find);
            if (notice.isEmpty() || about.isEmpty()) {
                // Not one of ours (a dialplan sending other calls here, a notice from another data folder): nothing
                // is said to a stranger about someone's request.
                log.warn("notice call {} names no notification known here ({}={})", request.getUniqueId(),
                        AmiSettings.NOTICE_VARIABLE, phone.variable(AmiSettings.NOTICE_VARIABLE).orElse("unset"));
                return;
            }
            ActiveCall call = new ActiveCall(request.getUniqueId(), notice.get().to(), clock.instant());
            call.request(about.get().code());
            log.info("notice call {}: {} answered for {}", request.getUniqueId(), notice.get().id(),
                    about.get().code());
            if (tell(phone, call, notice.get(), about.get())) {
                escalation.run(phone, call, EscalationReason.ASKED_FOR_AGENT);
            }
            phone.markHandled();
        } catch (CallerHungUp gone) {
            log.info("notice call {}: the citizen hung up", request.getUniqueId());
        } catch (RuntimeException failure) {
            log.error("notice call {} failed: {}", request.getUniqueId(), failure.toString(), failure);
        }
    }

    /** «… دعوت شده‌اید، در روز بیست و یکم آذر ۱۴۰۵ ساعت ده و بیست دقیقه؛ نشانی محل … پیامک شده است.» */
    private void inviteTo(Phone phone, LocalDateTime expected) {
        Utterance when = Utterance.of(Prompt.NOTICE_MEETING_INVITED)
                .then(SpokenDates.jalali(expected.atZone(settings.zone()).toInstant(), settings.zone()))
                .then(Prompt.MEETING_HOUR).then(SpokenNumbers.cardinal(expected.getHour()));
        if (expected.getMinute() != 0) {
            when = when.then(Utterance.ofFiles("and")).then(SpokenNumbers.cardinal(expected.getMinute()))
                    .then(Prompt.MINUTES);
        }
        phone.play(when.then(Prompt.MEETING_PLACE_SMS).then(Prompt.GOODBYE));
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** @return whether the citizen asked for an agent to read them the result */
    private boolean tell(Phone phone, ActiveCall call, Notification notice, CitizenRequest request) {
        Utterance news = Utterance.of(Prompt.NOTICE_HELLO).then(SpokenNumbers.digits(request.code().value()))
                .then(followUp.status(request));
        if (notice.kind() != NoticeKind.RESULT || !resultStands(request)) {
            // A referral's news, or a result another citizen has since said was not right: the request is back with
            // its unit, and that is what they hear. Nobody is asked to rate a result that no longer stands.
            phone.play(news.then(Prompt.GOODBYE));
            return false;
        }
        Optional<Utterance> result = followUp.standardResult(request);
        phone.play(result.map(news::then).orElse(news));
        if (followUp.hasWrittenResult(request) && followUp.wantsWrittenResultRead(phone, call)) {
            return true;
        }
        askSatisfaction(phone, call, request);
        return false;
    }

    private static boolean resultStands(CitizenRequest request) {
        return request.result().isPresent()
                && (request.status() == RequestStatus.RESOLVED || request.status() == RequestStatus.CLOSED);
    }

    /** The two questions; nothing is recorded for a citizen who answers neither. */
    private void askSatisfaction(Phone phone, ActiveCall call, CitizenRequest request) {
        KeypadQuestion question = new KeypadQuestion(settings.tries());
        Utterance scoreAsk = Utterance.of(Prompt.SATISFACTION_ASK);
        Optional<Integer> score = question.askKey(phone, call, "satisfaction", scoreAsk, () -> scoreAsk,
                key -> key >= '1' && key <= '5' ? Optional.of(key - '0') : Optional.empty());
        if (score.isEmpty()) {
            phone.play(Utterance.of(Prompt.GOODBYE));
            return;
        }
        Utterance fixedAsk = Utterance.of(Prompt.FIXED_ASK);
        Optional<Boolean> fixed = question.askKey(phone, call, "fixed", fixedAsk, () -> fixedAsk,
                key -> switch (key) {
                    case '1' -> Optional.of(true);
                    case '2' -> Optional.of(false);
                    default -> Optional.empty();
                });
        Satisfaction answer = new Satisfaction(score.get(), fixed, clock.instant());
        if (fixed.filter(yes -> !yes).isEmpty()) {
            desk.answered(request.code(), answer, Optional.empty(), ACTOR);
            phone.play(Utterance.of(Prompt.ANSWER_THANKS, Prompt.GOODBYE));
            return;
        }
        phone.play(Utterance.of(Prompt.NOT_FIXED_ASK));
        Path file = recordings.fileFor(call.id(), "not-fixed", clock.instant());
        CapturedSpeech said;
        try {
            said = speech.capture(phone, call.id(), file, settings.descriptionLimit());
        } catch (SpokenThenHungUp gone) {
            // Their answer stands, and so do the words they managed to say.
            desk.answered(request.code(), answer, words(gone.speech()), ACTOR);
            throw new CallerHungUp("after saying what is still wrong");
        } catch (CallerHungUp gone) {
            desk.answered(request.code(), answer, Optional.empty(), ACTOR);
            throw gone;
        }
        desk.answered(request.code(), answer, words(said), ACTOR);
        phone.play(Utterance.of(Prompt.REOPENED, Prompt.ANSWER_THANKS, Prompt.GOODBYE));
    }

    private static Optional<String> words(CapturedSpeech said) {
        return said instanceof CapturedSpeech.Transcribed transcribed ? Optional.of(transcribed.text())
                : Optional.empty();
    }
}
