package ir.hotline137.hotline;

import ir.hotline137.console.security.ConsoleUser;
import ir.hotline137.console.security.Role;
import ir.hotline137.ivr.IvrSettings;
import ir.hotline137.ivr.server.FastAgiSettings;
import ir.hotline137.ivr.speech.RecordingFolder;
import ir.hotline137.recognizer.audio.Endpointing;
import ir.hotline137.recognizer.audiosocket.AudioSocketSettings;
import ir.hotline137.recognizer.grammar.GrammarCatalogue;
import ir.hotline137.requests.District;
import ir.hotline137.requests.category.Category;
import ir.hotline137.requests.duplicates.DuplicateSettings;
import java.nio.file.Path;
import ir.hotline137.store.StoreSettings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
 * @param users            the people who may log in to the console
 */
@ConfigurationProperties("hotline")
public record HotlineProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("Asia/Tehran") ZoneId timeZone,
        @DefaultValue Store store,
        List<District> districts,
        List<Category> categories,
        @DefaultValue("other") String fallbackCategory,
        @DefaultValue Duplicates duplicates,
        @DefaultValue Fastagi fastagi,
        @DefaultValue Ivr ivr,
        @DefaultValue Recordings recordings,
        @DefaultValue Recognizer recognizer,
        @DefaultValue Audiosocket audiosocket,
        @DefaultValue Mayor mayor,
        List<User> users) {

    public HotlineProperties {
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
     * @param checkpointInterval how often the MapDB files are made durable where they stand; a crash replays
     *                           only the journal since
     * @param minFreeSpace       space kept free on the data folder's disk: below it, writes are refused
     *                           (reads go on) until space is freed
     * @param segmentSize        the journal goes on in a new file after this many bytes
     */
    public record Store(
            @DefaultValue("1m") Duration checkpointInterval,
            @DefaultValue("100MB") DataSize minFreeSpace,
            @DefaultValue("64MB") DataSize segmentSize) {

        public StoreSettings settings() {
            return new StoreSettings(checkpointInterval, minFreeSpace.toBytes(), segmentSize.toBytes());
        }
    }

    /**
     * @param directiveDays the deadline a mayor's directive gets when the moderator names none: Isfahan's
     *                      follow-up committee reports back within a month
     */
    public record Mayor(@DefaultValue("30") int directiveDays) {
        public Mayor {
            if (directiveDays < 1 || directiveDays > 366) {
                throw new IllegalArgumentException("hotline.mayor.directive-days must be 1 to 366, not " + directiveDays);
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
            @DefaultValue("30d") Duration window,
            @DefaultValue("0.10") double threshold,
            @DefaultValue("0.3") double otherCategoryFactor,
            @DefaultValue("10") int candidates,
            @DefaultValue("1m") Duration commitInterval) {

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
            @DefaultValue("127.0.0.1") String bind,
            @DefaultValue("4573") int port,
            @DefaultValue({"127.0.0.1", "::1"}) List<String> allowedHosts,
            @DefaultValue("10s") Duration headerTimeout,
            @DefaultValue("8192") int maxLineBytes,
            @DefaultValue("0s") Duration readTimeout) {

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
     */
    public record Ivr(
            @DefaultValue("hotline137") String sounds,
            @DefaultValue("3") int tries,
            @DefaultValue("6s") Duration keypadTimeout,
            @DefaultValue("60s") Duration descriptionLimit,
            @DefaultValue("3s") Duration descriptionSilence,
            @DefaultValue("30s") Duration holdAnnouncement,
            @DefaultValue("5m") Duration answerTimeout,
            @DefaultValue("250ms") Duration holdListen,
            @DefaultValue("30s") Duration ringTimeout) {

        public IvrSettings settings(Path recordings, ZoneId zone) {
            IvrSettings defaults = IvrSettings.defaults(recordings, zone);
            return new IvrSettings(sounds, recordings, zone, tries, keypadTimeout, descriptionLimit, descriptionSilence,
                    holdAnnouncement, answerTimeout, holdListen, ringTimeout, defaults.untranscribedDescription(),
                    defaults.callbackDescription());
        }
    }

    /**
     * @param group     the group both the hotline's and Asterisk's users belong to (e.g. {@code asterisk});
     *                  blank keeps the group new folders get anyway
     * @param mode      octal permission bits of every recordings folder the hotline makes
     * @param checkWait how long a finished recording may take to show in the folder before it counts as missing
     */
    public record Recordings(
            @DefaultValue("") String group,
            @DefaultValue("2770") String mode,
            @DefaultValue("5s") Duration checkWait) {

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
     * @param language        what callers speak, {@code fa} or {@code en}: it chooses the grammar words
     * @param capture         how descriptions are heard
     * @param endSilence      quiet after speaking that ends an utterance
     * @param noSpeech        how long to wait for a caller to begin
     * @param maxUtterance    the longest utterance heard
     * @param partialInterval how often the words so far are refreshed while the caller speaks
     * @param threads         threads decoding speech; 0 for one per core
     */
    public record Recognizer(
            @DefaultValue("./models/fa") Path model,
            @DefaultValue("fa") String language,
            @DefaultValue("audiosocket") Capture capture,
            @DefaultValue("1200ms") Duration endSilence,
            @DefaultValue("6s") Duration noSpeech,
            @DefaultValue("60s") Duration maxUtterance,
            @DefaultValue("500ms") Duration partialInterval,
            @DefaultValue("0") int threads) {

        public Recognizer {
            if (!GrammarCatalogue.languages().contains(language)) {
                throw new IllegalArgumentException("hotline.recognizer.language '" + language + "' is not one of "
                        + GrammarCatalogue.languages());
            }
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
            @DefaultValue("127.0.0.1") String bind,
            @DefaultValue("9092") int port,
            @DefaultValue({"127.0.0.1", "::1"}) List<String> allowedHosts,
            @DefaultValue("") String service) {

        public Audiosocket {
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
     * @param roles      AGENT, MODERATOR, MAYOR, SUPERVISOR
     * @param dialString how the IVR reaches the person's phone, e.g. {@code PJSIP/101}
     */
    public record User(String username, String password, List<Role> roles, String dialString) {

        public ConsoleUser consoleUser() {
            return new ConsoleUser(username == null ? "" : username, password == null ? "" : password,
                    roles == null ? Set.of() : Set.copyOf(roles),
                    Optional.ofNullable(dialString).filter(d -> !d.isBlank()));
        }
    }
}
