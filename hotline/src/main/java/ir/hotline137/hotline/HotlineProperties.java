package ir.hotline137.hotline;

import ir.hotline137.console.login.LoginSettings;
import ir.hotline137.console.open311.Open311Settings;
import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.console.security.Role;
import ir.hotline137.ivr.IvrSettings;
import ir.hotline137.ivr.server.FastAgiSettings;
import ir.hotline137.ivr.speech.RecordingFolder;
import ir.hotline137.mayor.meeting.MeetingKind;
import ir.hotline137.mayor.meeting.MeetingSettings;
import ir.hotline137.outbound.call.AmiSettings;
import ir.hotline137.outbound.dispatch.CallSettings;
import ir.hotline137.outbound.dispatch.CallingHours;
import ir.hotline137.outbound.dispatch.DispatchSettings;
import ir.hotline137.outbound.sms.SmppSettings;
import ir.hotline137.recognizer.audio.Endpointing;
import ir.hotline137.recognizer.audiosocket.AudioSocketSettings;
import ir.hotline137.requests.CallerNumber;
import ir.hotline137.requests.District;
import ir.hotline137.requests.PersianDigits;
import ir.hotline137.requests.Referral;
import ir.hotline137.requests.category.Category;
import ir.hotline137.requests.duplicates.DuplicateSettings;
import ir.hotline137.store.StoreSettings;
import ir.hotline137.store.postgresql.PostgresSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Every setting under {@code hotline.} in application.yml. The README's configuration table lists them.
 *
 * @param dataDir          the one folder for the store, the index and recordings
 * @param store            how the data folder keeps what it is given
 * @param timeZone         the city's zone: what "today" and a deadline mean
 * @param districts        what callers may press for their district
 * @param categories       kinds of problems, their keywords, default unit and deadline
 * @param fallbackCategory the category when no keyword matches
 * @param fastagi          the FastAGI port Asterisk connects to
 * @param ivr              how the phone menus behave
 * @param recordings       how the recordings folder is shared with Asterisk
 * @param recognizer       the speech model and how callers' words are heard
 * @param audiosocket      the port Asterisk streams callers' voices to
 * @param mayor            mayor-on-the-line programmes
 * @param login            how password guessing is slowed down
 * @param units            what the follow-up office's units see
 * @param outbound         when and how often citizens are told
 * @param sms              the city's SMS centre
 * @param ami              Asterisk's manager interface, through which citizens are called
 * @param users            the people who may log in to the console
 */
@ConfigurationProperties("hotline")
public record HotlineProperties(
        Path dataDir,
        ZoneId timeZone,
        String store,
        EmbeddedStore embeddedStore,
        Postgresql postgresql,
        String nodeName,
        List<District> districts,
        List<Category> categories,
        String fallbackCategory,
        Duplicates duplicates,
        Fastagi fastagi,
        Ivr ivr,
        Recordings recordings,
        Recognizer recognizer,
        Audiosocket audiosocket,
        Mayor mayor,
        Login login,
        Units units,
        Open311 open311,
        Outbound outbound,
        Sms sms,
        Ami ami,
        List<User> users) {

    public HotlineProperties {
        required(dataDir, "hotline.data-dir");
        required(timeZone, "hotline.time-zone");
        required(store, "hotline.store");
        StoreKind.of(store);
        required(embeddedStore, "hotline.embedded-store");
        required(postgresql, "hotline.postgresql");
        nodeName = nodeName == null || nodeName.isBlank() ? hostName() : nodeName.strip();
        if (StoreKind.of(store) == StoreKind.POSTGRESQL && postgresql.url().isEmpty()) {
            throw new IllegalArgumentException("hotline.store is postgresql but hotline.postgresql.url is empty");
        }
        required(fallbackCategory, "hotline.fallback-category");
        required(duplicates, "hotline.duplicates");
        required(fastagi, "hotline.fastagi");
        required(ivr, "hotline.ivr");
        required(recordings, "hotline.recordings");
        required(recognizer, "hotline.recognizer");
        required(audiosocket, "hotline.audiosocket");
        required(mayor, "hotline.mayor");
        required(open311, "hotline.open311");
        required(login, "hotline.login");
        required(units, "hotline.units");
        required(outbound, "hotline.outbound");
        required(sms, "hotline.sms");
        required(ami, "hotline.ami");
        users = users == null ? List.of() : List.copyOf(users);
        districts = districts == null ? List.of() : List.copyOf(districts);
        categories = categories == null ? List.of() : List.copyOf(categories);
        if (districts.isEmpty()) {
            throw new IllegalArgumentException("hotline.districts is empty: configure at least one district");
        }
        if (categories.stream().noneMatch(c -> c.id().equals(fallbackCategory))) {
            throw new IllegalArgumentException("hotline.fallback-category '" + fallbackCategory
                    + "' is not among hotline.categories");
        }
    }

    /**
     * application.yml carries every setting, so a missing one is a mistake in an override or an edited copy: it is
     * named at start rather than left to fail later, or to bind as 0 and quietly mean something else.
     */
    static <T> T required(T value, String setting) {
        if (value == null) {
            throw new IllegalArgumentException(setting + " is missing: application.yml sets it; an override or an "
                    + "edited copy must too");
        }
        return value;
    }

    /**
     * @param checkpointInterval how often the MapDB files are made durable where they stand; a crash replays
     *                           only the journal since
     * @param minFreeSpace       space kept free on the data folder's disk: below it, writes are refused
     *                           (reads go on) until space is freed
     * @param segmentSize        the journal goes on in a new file after this many bytes
     */
    public record EmbeddedStore(
            Duration checkpointInterval,
            DataSize minFreeSpace,
            DataSize segmentSize) {

        public EmbeddedStore {
            required(checkpointInterval, "hotline.embedded-store.checkpoint-interval");
            required(minFreeSpace, "hotline.embedded-store.min-free-space");
            required(segmentSize, "hotline.embedded-store.segment-size");
        }

        public StoreSettings settings() {
            return new StoreSettings(checkpointInterval, minFreeSpace.toBytes(), segmentSize.toBytes());
        }
    }

    /** Where everything kept lives. */
    public enum StoreKind {
        EMBEDDED, POSTGRESQL;

        static StoreKind of(String setting) {
            return switch (setting.strip().toLowerCase(Locale.ROOT)) {
                case "embedded" -> EMBEDDED;
                case "postgresql" -> POSTGRESQL;
                default -> throw new IllegalArgumentException("hotline.store is embedded or postgresql, not "
                        + setting);
            };
        }
    }

    public StoreKind storeKind() {
        return StoreKind.of(store);
    }

    /** The cluster's PostgreSQL ({@code hotline.postgresql}); used with {@code hotline.store: postgresql}. */
    public record Postgresql(String url, String username, String password, Integer poolSize) {
        public Postgresql {
            url = url == null ? "" : url.strip();
            required(username, "hotline.postgresql.username");
            password = password == null ? "" : password;
            required(poolSize, "hotline.postgresql.pool-size");
        }

        public PostgresSettings settings() {
            return new PostgresSettings(url, username, password, poolSize);
        }

        @Override
        public String toString() {
            return "Postgresql[url=" + url + ", username=" + username + ", poolSize=" + poolSize + "]";
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "hotline";
        }
    }

    /**
     * @param userFailures    wrong passwords in a row before a user name is locked
     * @param addressFailures wrong passwords from one address before it is locked
     * @param lockout         the first lock; each further one lasts twice as long
     * @param maxLockout      the longest lock
     * @param sessionIdle     how long a logged-in session lasts unused
     */
    public record Login(Integer userFailures, Integer addressFailures, Duration lockout, Duration maxLockout,
                        Duration sessionIdle) {
        public Login {
            required(userFailures, "hotline.login.user-failures");
            required(addressFailures, "hotline.login.address-failures");
            required(lockout, "hotline.login.lockout");
            required(maxLockout, "hotline.login.max-lockout");
            required(sessionIdle, "hotline.login.session-idle");
            // Checked at start (the compact constructor's fields are not set yet, so from the parameters).
            new LoginSettings(userFailures, addressFailures, lockout, maxLockout, sessionIdle);
        }

        public LoginSettings settings() {
            return new LoginSettings(userFailures, addressFailures, lockout, maxLockout, sessionIdle);
        }
    }

    /**
     * @param callingHours  e.g. {@code 09:00-20:00}, in the city's zone
     * @param daysOff       weekdays nobody is called or sent an SMS
     * @param spacing       between a failed try and the next
     * @param every         how often the outbox is looked at
     * @param batch         most notifications sent in one look
     * @param tellReferrals whether a referral is told, besides the registration and the result
     * @param doNotCall     numbers never called or sent an SMS
     */
    public record Outbound(String callingHours, List<DayOfWeek> daysOff, Duration spacing,
                           Duration every, Integer batch, Boolean tellReferrals, List<String> doNotCall,
                           List<String> supervisors, String dialString, String context, String extension,
                           String callerId, Duration ringTime, Integer calls, Integer callAttempts,
                           Duration callSpacing) {
        public Outbound {
            required(dialString, "hotline.outbound.dial-string");
            if (!dialString.contains("{number}")) {
                throw new IllegalArgumentException("hotline.outbound.dial-string '" + dialString
                        + "' must say where the citizen's number goes, as {number} (e.g. PJSIP/{number}@trunk)");
            }
            required(context, "hotline.outbound.context");
            required(extension, "hotline.outbound.extension");
            required(callerId, "hotline.outbound.caller-id");
            required(ringTime, "hotline.outbound.ring-time");
            required(calls, "hotline.outbound.calls");
            required(callAttempts, "hotline.outbound.call-attempts");
            required(callSpacing, "hotline.outbound.call-spacing");
            required(callingHours, "hotline.outbound.calling-hours");
            daysOff = daysOff == null ? List.of() : List.copyOf(daysOff);
            required(spacing, "hotline.outbound.spacing");
            required(every, "hotline.outbound.every");
            required(batch, "hotline.outbound.batch");
            required(tellReferrals, "hotline.outbound.tell-referrals");
            doNotCall = doNotCall == null ? List.of() : doNotCall.stream().map(n -> CallerNumber.parse(n).digits()).toList();
            supervisors = supervisors == null ? List.of()
                    : supervisors.stream().map(n -> CallerNumber.parse(n).digits()).toList();
        }

        public CallingHours hours(ZoneId zone) {
            return CallingHours.of(callingHours, Set.copyOf(daysOff), zone);
        }

        public DispatchSettings dispatch() {
            return new DispatchSettings(spacing, every, batch, Set.copyOf(doNotCall));
        }

        public CallSettings callSettings() {
            return new CallSettings(calls, callAttempts, callSpacing);
        }
    }

    /**
     * @param host    the Asterisk whose manager interface places the calls; blank: citizens are not called
     * @param timeout how long logging in, or Asterisk's response to an action, may take
     */
    public record Ami(String host, Integer port, String username, String password, Duration timeout) {
        public Ami {
            host = host == null ? "" : host.strip();
            required(port, "hotline.ami.port");
            username = username == null ? "" : username;
            password = password == null ? "" : password;
            required(timeout, "hotline.ami.timeout");
        }

        public boolean isConfigured() {
            return !host.isEmpty();
        }

        public AmiSettings settings(Outbound outbound) {
            return new AmiSettings(host, port, username, password, outbound.dialString(), outbound.context(),
                    outbound.extension(), outbound.callerId(), outbound.ringTime(), timeout);
        }
    }

    /**
     * @param host          the SMS centre; blank: no SMS is sent and no notice is made
     * @param sourceAddress what citizens see the SMS come from
     * @param keywords      what a citizen's SMS of just this word gets back
     */
    public record Sms(String host, Integer port, String systemId, String password, String sourceAddress,
                      Duration timeout, List<Keyword> keywords) {

        /** @param word e.g. "1" (digits in either script match); {@code reply} what it gets back */
        public record Keyword(String word, String reply) {
        }

        public Sms {
            host = host == null ? "" : host.strip();
            required(port, "hotline.sms.port");
            systemId = systemId == null ? "" : systemId;
            password = password == null ? "" : password;
            required(sourceAddress, "hotline.sms.source-address");
            required(timeout, "hotline.sms.timeout");
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            // Checked at start, so a setting SMPP would refuse at every bind stops the start with its name.
            new SmppSettings(host, port, systemId, password, sourceAddress, timeout);
        }

        public boolean isConfigured() {
            return !host.isEmpty();
        }

        /** Each keyword as a citizen's digits in Latin form, and its reply. */
        public Map<String, String> replies() {
            Map<String, String> replies = new LinkedHashMap<>();
            for (Keyword keyword : keywords) {
                replies.put(PersianDigits.toAscii(keyword.word()).strip(), keyword.reply());
            }
            return replies;
        }

        public SmppSettings settings() {
            return new SmppSettings(host, port, systemId, password, sourceAddress, timeout);
        }
    }

    /**
     * @param showCallerNumber whether a unit sees the citizen's number; by default not, since the 137 centre tells the
     *                         citizen what the unit did
     */
    public record Units(Boolean showCallerNumber, List<Head> heads) {
        /** @param unit the unit's name as referrals name it; {@code number} its head's mobile */
        public record Head(String unit, String number) {
            public Head {
                required(unit, "hotline.units.heads[].unit");
                required(number, "hotline.units.heads[].number");
                unit = Referral.unitName(unit);
                number = CallerNumber.parse(number).digits();
            }
        }

        public Units {
            required(showCallerNumber, "hotline.units.show-caller-number");
            heads = heads == null ? List.of() : List.copyOf(heads);
        }

        /** Each unit's head's number by the unit's name. */
        public Map<String, String> headNumbers() {
            return heads.stream().collect(Collectors.toMap(Head::unit, Head::number, (a, b) -> b));
        }
    }

    /**
     * @param contact            who the city's app developers write to
     * @param postsPerMinute     requests one API key may file in any minute
     * @param readsPerMinute     reads one address may make in any minute
     * @param districtBoundaries a GeoJSON file of the districts, or empty for none
     * @param listEveryChannel   whether the public lists show requests from every channel, or the API's only
     */
    public record Open311(String contact, Integer postsPerMinute, Integer readsPerMinute, String districtBoundaries,
                         Boolean listEveryChannel) {
        public Open311 {
            required(contact, "hotline.open311.contact");
            required(postsPerMinute, "hotline.open311.posts-per-minute");
            required(readsPerMinute, "hotline.open311.reads-per-minute");
            districtBoundaries = districtBoundaries == null ? "" : districtBoundaries.strip();
            required(listEveryChannel, "hotline.open311.list-every-channel");
        }

        public Open311Settings settings() {
            return new Open311Settings(contact, postsPerMinute, readsPerMinute, listEveryChannel);
        }
    }

    /**
     * @param directiveDays        the deadline a mayor's directive gets when the moderator names none: Isfahan's
     *                             follow-up committee reports back within a month
     * @param expectedConversation how long a conversation with the mayor is taken to last for the waiting callers'
     *                             estimated wait, until the programme's own conversations say better
     */
    public record Mayor(Integer directiveDays, Duration expectedConversation, Meetings meetings) {
        /**
         * @param followUpDays     by kind, a referral's time when the instruction at the meeting names none
         * @param slotsPerOfficial how many citizens each official sees, unless the meeting says otherwise
         * @param perCitizen       how long each citizen is given, unless the meeting says otherwise
         */
        public record Meetings(Map<MeetingKind, Integer> followUpDays, Integer slotsPerOfficial, Duration perCitizen) {
            public Meetings {
                required(followUpDays, "hotline.mayor.meetings.follow-up-days");
                required(slotsPerOfficial, "hotline.mayor.meetings.slots-per-official");
                required(perCitizen, "hotline.mayor.meetings.per-citizen");
            }

            /** Checked as a meeting desk needs it; a wrong value stops the start with the setting's name. */
            public MeetingSettings settings() {
                try {
                    return new MeetingSettings(followUpDays, slotsPerOfficial, perCitizen);
                } catch (IllegalArgumentException wrong) {
                    throw new IllegalArgumentException("hotline.mayor.meetings: " + wrong.getMessage(), wrong);
                }
            }
        }

        public Mayor {
            required(directiveDays, "hotline.mayor.directive-days");
            if (directiveDays < 1 || directiveDays > 366) {
                throw new IllegalArgumentException("hotline.mayor.directive-days must be 1 to 366, not " + directiveDays);
            }
            required(expectedConversation, "hotline.mayor.expected-conversation");
            required(meetings, "hotline.mayor.meetings");
            meetings.settings();
            if (expectedConversation.compareTo(Duration.ofSeconds(30)) < 0
                    || expectedConversation.compareTo(Duration.ofMinutes(30)) > 0) {
                throw new IllegalArgumentException("hotline.mayor.expected-conversation must be 30s to 30m, not "
                        + expectedConversation);
            }
        }
    }

    /**
     * @param window              compare only with requests this recent
     * @param threshold           least similarity (0..1) that counts as the same problem
     * @param otherCategoryFactor similarity multiplier when categories differ
     * @param candidates          how many BM25 matches are weighed
     * @param commitInterval      how often the index is made durable (the store always is)
     */
    public record Duplicates(
            Duration window,
            Double threshold,
            Double otherCategoryFactor,
            Integer candidates,
            Duration commitInterval) {

        public Duplicates {
            required(window, "hotline.duplicates.window");
            required(threshold, "hotline.duplicates.threshold");
            required(otherCategoryFactor, "hotline.duplicates.other-category-factor");
            required(candidates, "hotline.duplicates.candidates");
            required(commitInterval, "hotline.duplicates.commit-interval");
        }

        public DuplicateSettings settings() {
            return new DuplicateSettings(window, threshold, otherCategoryFactor, candidates);
        }
    }

    /**
     * @param bind          the address to listen on
     * @param port          Asterisk's agi://HOST:PORT/ivr
     * @param allowedHosts  the Asterisk servers that may connect (addresses, CIDR blocks, host names)
     * @param headerTimeout how long a new connection may take to introduce itself
     * @param maxLineBytes  the longest line accepted from Asterisk
     * @param readTimeout   the longest one command may take (0: no limit; a conversation with an agent is one)
     */
    public record Fastagi(
            String bind,
            Integer port,
            List<String> allowedHosts,
            Duration headerTimeout,
            Integer maxLineBytes,
            Duration readTimeout) {

        public Fastagi {
            required(bind, "hotline.fastagi.bind");
            required(port, "hotline.fastagi.port");
            required(allowedHosts, "hotline.fastagi.allowed-hosts");
            required(headerTimeout, "hotline.fastagi.header-timeout");
            required(maxLineBytes, "hotline.fastagi.max-line-bytes");
            required(readTimeout, "hotline.fastagi.read-timeout");
        }

        public FastAgiSettings settings() {
            return new FastAgiSettings(bind, port, allowedHosts, headerTimeout, maxLineBytes, readTimeout);
        }
    }

    /**
     * @param sounds             the prompts' folder under Asterisk's sounds/fa/
     * @param tries              how often a caller is asked again before a person takes over
     * @param keypadTimeout      how long a caller has to type
     * @param descriptionLimit   the longest description or message
     * @param descriptionSilence silence that ends a recording
     * @param holdAnnouncement   how often a waiting caller hears their place in the queue
     * @param answerTimeout      how long a caller waits for an agent before leaving a message instead
     * @param holdListen         how long the hold loop listens for a hang-up between looks at the queue
     * @param ringTimeout        how long an agent's phone rings before the call returns to the queue
     * @param untranscribedDescription the description of a request whose recording has no transcript yet
     * @param callbackDescription      the description of a callback request whose message has no transcript
     */
    public record Ivr(
            String sounds,
            Integer tries,
            Duration keypadTimeout,
            Duration descriptionLimit,
            Duration descriptionSilence,
            Duration holdAnnouncement,
            Duration answerTimeout,
            Duration holdListen,
            Duration ringTimeout,
            String untranscribedDescription,
            String callbackDescription,
            Duration keepPlaceAfter) {

        public Ivr {
            required(keepPlaceAfter, "hotline.ivr.keep-place-after");
            required(sounds, "hotline.ivr.sounds");
            required(tries, "hotline.ivr.tries");
            required(keypadTimeout, "hotline.ivr.keypad-timeout");
            required(descriptionLimit, "hotline.ivr.description-limit");
            required(descriptionSilence, "hotline.ivr.description-silence");
            required(holdAnnouncement, "hotline.ivr.hold-announcement");
            required(answerTimeout, "hotline.ivr.answer-timeout");
            required(holdListen, "hotline.ivr.hold-listen");
            required(ringTimeout, "hotline.ivr.ring-timeout");
            required(untranscribedDescription, "hotline.ivr.untranscribed-description");
            required(callbackDescription, "hotline.ivr.callback-description");
        }

        public IvrSettings settings(Path recordings, ZoneId zone) {
            return new IvrSettings(sounds, recordings, zone, tries, keypadTimeout, descriptionLimit, descriptionSilence,
                    holdAnnouncement, answerTimeout, holdListen, ringTimeout, untranscribedDescription,
                    callbackDescription, keepPlaceAfter);
        }
    }

    /**
     * @param group     the group both the hotline's and Asterisk's users belong to (e.g. {@code asterisk});
     *                  blank keeps the group new folders get anyway
     * @param mode      octal permission bits of every recordings folder the hotline makes
     * @param checkWait how long a finished recording may take to show in the folder before it counts as missing
     */
    public record Recordings(
            String group,
            String mode,
            Duration checkWait) {

        public Recordings {
            required(group, "hotline.recordings.group");
            required(mode, "hotline.recordings.mode");
            required(checkWait, "hotline.recordings.check-wait");
        }

        public RecordingFolder.Sharing sharing() {
            return new RecordingFolder.Sharing(Optional.ofNullable(group), RecordingFolder.Sharing.octal(mode), checkWait);
        }
    }

    /** How a description is heard. */
    public enum Capture {
        /** Streamed to the recognizer while the caller speaks (Asterisk's AudioSocket application). */
        AUDIOSOCKET,
        /** Recorded by Asterisk, then transcribed: works with any Asterisk. */
        RECORD
    }

    /**
     * @param model           the Vosk model folder; without a usable one callers are recorded for an agent
     * @param capture         how descriptions are heard
     * @param endSilence      quiet after speaking that ends an utterance
     * @param noSpeech        how long to wait for a caller to begin
     * @param maxUtterance    the longest utterance heard
     * @param partialInterval how often the words so far are refreshed while the caller speaks
     * @param threads         threads decoding speech; 0 for one per core
     */
    public record Recognizer(
            Path model,
            Capture capture,
            Duration endSilence,
            Duration noSpeech,
            Duration maxUtterance,
            Duration partialInterval,
            Integer threads) {

        public Recognizer {
            required(model, "hotline.recognizer.model");
            required(capture, "hotline.recognizer.capture");
            required(endSilence, "hotline.recognizer.end-silence");
            required(noSpeech, "hotline.recognizer.no-speech");
            required(maxUtterance, "hotline.recognizer.max-utterance");
            required(partialInterval, "hotline.recognizer.partial-interval");
            required(threads, "hotline.recognizer.threads");
            if (threads < 0) {
                throw new IllegalArgumentException("hotline.recognizer.threads must be 0 (one per core) or more, not "
                        + threads);
            }
            try {
                new Endpointing(endSilence, noSpeech, maxUtterance);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hotline.recognizer.end-silence, no-speech and max-utterance: "
                        + e.getMessage(), e);
            }
        }

        public Endpointing endpointing() {
            return new Endpointing(endSilence, noSpeech, maxUtterance);
        }

        public int recognitionThreads() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * @param bind         the address to listen on
     * @param port         the port in the dialplan's {@code AudioSocket(uuid,HOST:PORT)}, which the IVR sends
     * @param allowedHosts the Asterisk servers that may stream (addresses, CIDR blocks, host names)
     * @param service      the {@code host:port} Asterisk is told to connect to; blank for bind:port
     */
    public record Audiosocket(
            String bind,
            Integer port,
            List<String> allowedHosts,
            String service) {

        public Audiosocket {
            required(bind, "hotline.audiosocket.bind");
            required(port, "hotline.audiosocket.port");
            required(allowedHosts, "hotline.audiosocket.allowed-hosts");
            required(service, "hotline.audiosocket.service");
            boolean wildcard = bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]");
            if (wildcard && service.isBlank()) {
                throw new IllegalArgumentException("hotline.audiosocket.service must say which host:port Asterisk "
                        + "connects to when hotline.audiosocket.bind is " + bind + " (every address)");
            }
        }

        public AudioSocketSettings settings(Recognizer recognizer) {
            return new AudioSocketSettings(bind, port, service, recognizer.endpointing(),
                    recognizer.partialInterval(), recognizer.recognitionThreads());
        }
    }

    /**
     * @param username   the login name
     * @param password   a bcrypt hash, or {@code {noop}text} for tests
     * @param roles      AGENT, MODERATOR, MAYOR, SUPERVISOR, UNIT (held alone)
     * @param dialString how the IVR reaches the person's phone, e.g. {@code PJSIP/101}
     * @param unit       for a UNIT person, the unit's name exactly as requests are referred to it
     */
    public record User(String username, String password, List<Role> roles, String dialString, String unit) {

        public ConsoleUser consoleUser() {
            return new ConsoleUser(username == null ? "" : username, password == null ? "" : password,
                    roles == null ? Set.of() : Set.copyOf(roles),
                    Optional.ofNullable(dialString).filter(d -> !d.isBlank()),
                    Optional.ofNullable(unit).map(Referral::unitName).filter(u -> !u.isBlank()));
        }
    }
}
