package ir.hotline137.testsupport.asterisk;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the Asterisk 22 PBX in front of the hotline: each {@link #dial(Caller)} opens a FastAGI
 * connection to the server under test, as the dialplan's {@code AGI(agi://host:port/ivr)} would, and answers the
 * server's commands the way {@code res_agi} does, with the {@link Caller}'s script deciding what the person on the
 * phone does.
 *
 * <p>Every call runs on its own virtual thread with its own lock, so one instance can carry a thousand
 * simultaneous calls. Instances are immutable apart from the set of calls still up; {@code with...} methods give
 * differently configured copies, among them {@link #with(Installation)} for an Asterisk that lacks a sound or an
 * application or runs as another user. Where each reply comes from in Asterisk's source is written down in the
 * channel that answers ({@code ScriptedChannel}).
 *
 * <pre>{@code
 * FakeAsterisk asterisk = new FakeAsterisk("127.0.0.1", 4573);
 * FakeCall call = asterisk.dial(Caller.withNumber("09121234567").presses("2").presses("1234567#"));
 * CallTranscript transcript = call.awaitEnd(Duration.ofSeconds(10));
 * assertThat(transcript.played()).contains("hotline/followup-status");
 * }</pre>
 */
public final class FakeAsterisk implements AutoCloseable {

    /** How long a connection attempt may take. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long a call waits for the server's next command by default before it gives up with an error. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    /** How long a timed-out wait for keys really lasts, at most, by default. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMillis(200);

    // Shared by all instances so that unique ids stay unique across the JVM, as agi_uniqueid is on one PBX.
    private static final AtomicLong CALLS = new AtomicLong();

    private final String host;
    private final int port;
    private final InetSocketAddress server;
    private final Duration readTimeout;
    private final Duration maxWait;
    private final Installation installation;
    // Shared by the copies made with with...(): closing any of them drops every call they placed.
    private final Set<FakeCall> callsUp;

    /** A fake Asterisk, {@link Installation#complete() completely installed}, that dials the FastAGI server at {@code host:port}. */
    public FakeAsterisk(String host, int port) {
        this(host, port, DEFAULT_READ_TIMEOUT, DEFAULT_MAX_WAIT, Installation.complete(), ConcurrentHashMap.newKeySet());
    }

    private FakeAsterisk(String host, int port, Duration readTimeout, Duration maxWait, Installation installation,
                         Set<FakeCall> callsUp) {
        this.host = Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
        this.port = port;
        this.server = new InetSocketAddress(host, port);
        this.readTimeout = requireMillis(readTimeout, "readTimeout", 1);
        this.maxWait = requireMillis(maxWait, "maxWait", 0);
        this.installation = Objects.requireNonNull(installation, "installation");
        this.callsUp = callsUp;
    }

    /**
     * The longest a call waits for the server's next command; past it the call ends with an error in its
     * transcript, so that a stuck server fails a test instead of hanging it.
     */
    public FakeAsterisk withReadTimeout(Duration timeout) {
        return new FakeAsterisk(host, port, timeout, maxWait, installation, callsUp);
    }

    /**
     * The longest a timed-out {@code WAIT FOR DIGIT} or {@code GET DATA} really waits (its own timeout if shorter):
     * long enough that a server polling for keys does not spin, short enough to keep tests quick.
     */
    public FakeAsterisk withMaxWait(Duration wait) {
        return new FakeAsterisk(host, port, readTimeout, wait, installation, callsUp);
    }

    /**
     * The same fake on a machine installed otherwise: sounds or applications missing, Asterisk running as another
     * user (see {@link Installation}). Calls already up keep the installation they were dialled with.
     */
    public FakeAsterisk with(Installation other) {
        return new FakeAsterisk(host, port, readTimeout, maxWait, other, callsUp);
    }

    /**
     * Places a call from {@code caller}: connects, sends the AGI environment with a fresh unique id and answers the
     * server's commands on a virtual thread. Returns at once; a failure to connect ends the call with an error.
     */
    public FakeCall dial(Caller caller) {
        Objects.requireNonNull(caller, "caller");
        return place(caller, "ivr", caller.callerId(), caller.callerIdName(), "137", "hotline", "137", 2, Map.of());
    }

    /**
     * A call the PBX placed itself, as the manager interface's {@code Originate} does, answered by {@code citizen}:
     * the dialplan at {@code context}/{@code extension} priority 1 runs {@code AGI(agi://host:port/script)} with the
     * Originate's variables set on the channel. The AGI environment then shows the Originate's caller id (the line
     * calling out), not the citizen's number, and no dialled number ({@code agi_dnid: unknown}), as an originated
     * channel has none.
     */
    public FakeCall originated(Caller citizen, String script, String callerId, String context, String extension,
                               Map<String, String> variables) {
        Objects.requireNonNull(citizen, "citizen");
        return place(citizen, script, callerId, "unknown", "unknown", context, extension, 1, variables);
    }

    private FakeCall place(Caller caller, String script, String callerId, String callerIdName, String dnid,
                           String context, String extension, int priority, Map<String, String> variables) {
        long sequence = CALLS.incrementAndGet();
        String uniqueId = Instant.now().getEpochSecond() + "." + sequence;
        String channelName = "PJSIP/trunk-%08x".formatted(sequence);
        FakeCall call = new FakeCall(uniqueId, new ScriptedChannel(caller, channelName, maxWait.toMillis(), installation,
                variables), callsUp::remove);
        callsUp.add(call);
        String environment = environment(script, callerId, callerIdName, dnid, context, extension, priority, uniqueId,
                channelName);
        Thread.ofVirtual()
                .name("fake-asterisk-" + uniqueId)
                .start(() -> call.run(server, environment, CONNECT_TIMEOUT, readTimeout));
        return call;
    }

    /** Drops every call of this instance and its copies that is still up (see {@link FakeCall#close()}). */
    @Override
    public void close() {
        callsUp.forEach(FakeCall::close);
    }

    @Override
    public String toString() {
        return "FakeAsterisk[agi://" + host + ":" + port + "/ivr, " + callsUp.size() + " calls up]";
    }

    // The variables Asterisk 22's res_agi sends for a FastAGI call, in its order, ended by an empty line.
    private String environment(String script, String callerId, String callerIdName, String dnid, String context,
                               String extension, int priority, String uniqueId, String channelName) {
        long threadId = 140_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L);
        return "agi_network: yes\n"
                + "agi_network_script: " + script + "\n"
                + "agi_request: agi://" + host + ":" + port + "/" + script + "\n"
                + "agi_channel: " + channelName + "\n"
                + "agi_language: fa\n"
                + "agi_type: PJSIP\n"
                + "agi_uniqueid: " + uniqueId + "\n"
                + "agi_version: 22.0.0\n"
                + "agi_callerid: " + callerId + "\n"
                + "agi_calleridname: " + callerIdName + "\n"
                + "agi_callingpres: 0\n"
                + "agi_callingani2: 0\n"
                + "agi_callington: 0\n"
                + "agi_callingtns: 0\n"
                + "agi_dnid: " + dnid + "\n"
                + "agi_rdnis: unknown\n"
                + "agi_context: " + context + "\n"
                + "agi_extension: " + extension + "\n"
                + "agi_priority: " + priority + "\n"
                + "agi_enhanced: 0.0\n"
                + "agi_accountcode: \n"
                + "agi_threadid: " + threadId + "\n"
                + "\n";
    }

    private static Duration requireMillis(Duration duration, String name, long atLeast) {
        Objects.requireNonNull(duration, name);
        if (duration.toMillis() < atLeast || duration.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " out of range: " + duration);
        }
        return duration;
    }
}
