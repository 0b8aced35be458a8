package ir.hotline137.testsupport.smpp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMS centre that speaks SMPP 3.4 (with jSMPP's server side) on a free local port: it binds transceivers that give
 * the right password, accepts submit_sm and keeps each message as the phone would show it (UCS-2 decoded, the parts
 * of a concatenated message joined by their header). As a real centre does, it can refuse: the next submits can be
 * answered with a command_status of the test's choosing (e.g. ESME_RTHROTTLED, 0x58, or ESME_RINVDSTADR, 0x0B: SMPP
 * 3.4 section 5.1.3), and it can drop every connection, as a network does.
 */
public final class FakeSmsc implements AutoCloseable {
    /** One message as the citizen's phone shows it. */
    public record Message(String from, String to, String text, int parts, String messageId) {
    }

    private final String password;
    private final int port;
    private final SMPPServerSessionListener listener;
    private final Thread acceptor;
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final Queue<Integer> refusals = new ConcurrentLinkedQueue<>();
    private final Map<String, byte[][]> partial = new HashMap<>();
    /** The id the first part of each message in parts was given, which the message as a whole is known by. */
    private final Map<String, String> firstIds = new HashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final AtomicLong submits = new AtomicLong();
    private volatile boolean dropOnNextSubmit;
    private volatile boolean closed;

    private FakeSmsc(String password) throws IOException {
        this.password = password;
        LoopbackFactory sockets = new LoopbackFactory();
        this.listener = new SMPPServerSessionListener(0, sockets);
        this.port = sockets.port;
        listener.setMessageReceiverListener(new Receiver());
        this.acceptor = Thread.ofPlatform().name("fake-smsc").daemon().start(this::acceptAll);
    }

    /** A centre that binds those who give this password. */
    public static FakeSmsc start(String password) throws IOException {
        return new FakeSmsc(password);
    }

    public int port() {
        return port;
    }

    /** Every message accepted so far, in order. */
    public List<Message> messages() {
        return List.copyOf(messages);
    }

    /** How many submit_sm PDUs came, accepted or refused. */
    public long submits() {
        return submits.get();
    }

    /** The next submits are refused, one per status given, in order; then they are accepted again. */
    public void refuseNext(int... commandStatuses) {
        for (int status : commandStatuses) {
            refusals.add(status);
        }
    }

    /**
     * The next submit_sm is taken and its answer never comes: the connection drops, as a network does between a
     * centre accepting a message and its submit_sm_resp reaching the sender.
     */
    public void dropOnNextSubmit() {
        dropOnNextSubmit = true;
    }

    /** Closes every bound connection, as a network that drops does; new binds are still accepted. */
    public void dropConnections() {
        for (SMPPServerSession session : sessions) {
            session.close();
        }
        sessions.clear();
    }

    /**
     * Sends the bound ESME a delivery receipt for a message it submitted, in the form SMPP 3.4 appendix B gives
     * ({@code id:… sub:… dlvrd:… submit date:… done date:… stat:DELIVRD err:000 text:…}).
     *
     * @param state DELIVRD, UNDELIV, EXPIRED, REJECTD…
     */
    public void deliverReceipt(String messageId, String state) throws Exception {
        Date now = new Date();
        String receipt = new DeliveryReceipt(messageId, 1, "DELIVRD".equals(state) ? 1 : 0, now, now,
                DeliveryReceiptState.valueOf(state), "000", "").toString();
        deliver(new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                "hotline", "20000137", new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
                receipt.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A citizen's own SMS to the hotline's number, delivered to the bound ESME in UCS-2. */
    public void messageFromPhone(String from, String to, String text) throws Exception {
        deliver(new ESMClass(), from, to, new GeneralDataCoding(Alphabet.ALPHA_UCS2),
                text.getBytes(StandardCharsets.UTF_16BE));
    }

    private void deliver(ESMClass esm, String from, String to, GeneralDataCoding coding, byte[] body) throws Exception {
        SMPPServerSession session = sessions.stream().filter(s -> s.getSessionState().isBound()).findFirst()
                .orElseThrow(() -> new IllegalStateException("nobody is bound to the fake SMS centre"));
        session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, from,
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, to, esm, (byte) 0, (byte) 0,
                new RegisteredDelivery(), coding, body);
    }

    /** Waits for a message the test expects; fails with every message so far if none comes in time. */
    public Message await(Predicate<Message> wanted, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Message message : messages) {
                if (wanted.test(message)) {
                    return message;
                }
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("no such message came within " + timeout + "; came: " + messages);
    }

    private void acceptAll() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                BindRequest bind = session.waitForBind(5_000);
                if (password.equals(bind.getPassword())) {
                    bind.accept("fake-smsc");
                    sessions.add(session);
                } else {
                    bind.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                }
            } catch (IOException | java.util.concurrent.TimeoutException | PDUStringException | IllegalStateException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private SubmitSmResult submitted(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
        submits.incrementAndGet();
        if (dropOnNextSubmit) {
            dropOnNextSubmit = false;
            session.close();
            throw new ProcessRequestException("the connection dropped before the answer", SMPPConstant.STAT_ESME_RSYSERR);
        }
        Integer refusal = refusals.poll();
        if (refusal != null) {
            throw new ProcessRequestException("refused as the test asked", refusal);
        }
        String id = Long.toString(ids.incrementAndGet());
        byte[] body = submit.getShortMessage();
        boolean udhi = (submit.getEsmClass() & 0x40) != 0;
        if (!udhi) {
            messages.add(new Message(submit.getSourceAddr(), submit.getDestAddress(), decode(submit, body), 1, id));
        } else {
            joinPart(submit, body, id);
        }
        try {
            return new SubmitSmResult(new MessageId(id), null);
        } catch (PDUStringException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A concatenated message's part: header 05 00 03 reference total number, then the text (3GPP TS 23.040). */
    private synchronized void joinPart(SubmitSm submit, byte[] body, String id) {
        int headerLength = body[0] + 1;
        int reference = body[3] & 0xFF;
        int total = body[4] & 0xFF;
        int number = body[5] & 0xFF;
        String key = submit.getDestAddress() + "|" + reference;
        byte[][] parts = partial.computeIfAbsent(key, k -> new byte[total][]);
        if (number == 1) {
            firstIds.put(key, id);
        }
        parts[number - 1] = Arrays.copyOfRange(body, headerLength, body.length);
        if (Arrays.stream(parts).allMatch(p -> p != null)) {
            partial.remove(key);
            StringBuilder text = new StringBuilder();
            for (byte[] part : parts) {
                text.append(decode(submit, part));
            }
            messages.add(new Message(submit.getSourceAddr(), submit.getDestAddress(), text.toString(), total,
                    firstIds.remove(key)));
        }
    }

    private static String decode(SubmitSm submit, byte[] bytes) {
        return (submit.getDataCoding() & 0x0F) == 0x08 ? new String(bytes, StandardCharsets.UTF_16BE)
                : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        dropConnections();
        listener.close();
        acceptor.interrupt();
    }

    /** Listens on a free port of the loopback address and says which. */
    private static final class LoopbackFactory implements ServerConnectionFactory {
        int port;

        @Override
        public ServerConnection listen(int ignored) throws IOException {
            ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            port = socket.getLocalPort();
            return new ServerSocketConnection(socket);
        }

        @Override
        public ServerConnection listen(int ignored, int timeout) throws IOException {
            ServerConnection connection = listen(ignored);
            connection.setSoTimeout(timeout);
            return connection;
        }

        @Override
        public ServerConnection listen(int ignored, int timeout, int backlog) throws IOException {
            return listen(ignored, timeout);
        }
    }

    /** Accepts what an ESME submits; everything but submit_sm is refused as not supported, as a simple centre does. */
    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
            return submitted(submit, session);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submit, SMPPServerSession session)
                throws ProcessRequestException {
            throw notSupported();
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm query, SMPPServerSession session) throws ProcessRequestException {
            throw notSupported();
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replace, SMPPServerSession session) throws ProcessRequestException {
            throw notSupported();
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancel, SMPPServerSession session) throws ProcessRequestException {
            throw notSupported();
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcast, SMPPServerSession session)
                throws ProcessRequestException {
            throw notSupported();
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancel, SMPPServerSession session)
                throws ProcessRequestException {
            throw notSupported();
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm query, SMPPServerSession session)
                throws ProcessRequestException {
            throw notSupported();
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm data, Session source) throws ProcessRequestException {
            throw notSupported();
        }

        private ProcessRequestException notSupported() {
            // SMPP 3.4 section 5.1.3: ESME_RINVCMDID, the centre does not do this.
            return new ProcessRequestException("not supported by this centre", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
