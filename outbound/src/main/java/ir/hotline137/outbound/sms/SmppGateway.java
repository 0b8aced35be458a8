package ir.hotline137.outbound.sms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS centre over SMPP 3.4, bound as a transceiver when first needed and again after the connection is lost. One
 * message at a time: the outbox sends a few a second at most, and one submit in flight makes every answer plainly
 * the answer to it.
 */
public final class SmppGateway implements SmsGateway {
    private static final Logger log = LoggerFactory.getLogger(SmppGateway.class);
    /** SMPP 3.4's command_status values that say "not now" rather than "never" (section 5.1.3). */
    private static final List<Integer> TRY_AGAIN = List.of(
            0x00000008, // ESME_RSYSERR: the centre's own fault
            0x00000014, // ESME_RMSGQFUL: its queue is full
            0x00000058, // ESME_RTHROTTLED: too fast
            0x00000045, // ESME_RSUBMITFAIL
            0x00000064); // ESME_RX_T_APPN: temporary application error

    /** ESME_RINVBNDSTS: the centre no longer takes us as bound; a fresh bind is worth it. */
    private static final int NOT_BOUND = 0x00000004;

    private final SmppSettings settings;
    private final AtomicInteger references = new AtomicInteger();
    private SMPPSession session;
    private boolean closed;
    private volatile SmsListener listener;

    public SmppGateway(SmppSettings settings) {
        this.settings = settings;
    }

    /**
     * Sends one message. Until the first part is written nothing has gone out, and a failure is worth another try
     * later; once a part is written, a lost answer or connection means the centre may have it, and the outcome is
     * uncertain, never retried on its own.
     */
    @Override
    public synchronized SmsOutcome send(String to, String text) {
        if (closed) {
            return new SmsOutcome.Unavailable("the hotline is stopping");
        }
        SMPPSession bound;
        List<byte[]> parts;
        try {
            bound = bound();
            parts = SmsParts.of(text, references.incrementAndGet() & 0xFF);
        } catch (IOException | IllegalArgumentException unreachable) {
            drop();
            return new SmsOutcome.Unavailable("the SMS centre cannot be reached or bound: " + unreachable.getMessage());
        }
        List<String> ids = new ArrayList<>();
        for (byte[] part : parts) {
            try {
                SubmitSmResult result = bound.submitShortMessage("CMT",
                        sourceTon(), NumberingPlanIndicator.UNKNOWN, settings.sourceAddress(),
                        TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, international(to),
                        parts.size() > 1 ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
                                : new ESMClass(),
                        (byte) 0, (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                        (byte) 0, new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, part);
                ids.add(result.getMessageId());
            } catch (NegativeResponseException refused) {
                int status = refused.getCommandStatus();
                String why = String.format("the SMS centre answered 0x%08X", status);
                if (!ids.isEmpty()) {
                    // Earlier parts went: resending would give the citizen them twice.
                    return new SmsOutcome.Uncertain(why + " after " + ids.size() + " of " + parts.size() + " parts");
                }
                if (status == NOT_BOUND) {
                    drop();
                    return new SmsOutcome.Unavailable(why);
                }
                return TRY_AGAIN.contains(status) ? new SmsOutcome.Unavailable(why) : new SmsOutcome.Refused(why);
            } catch (PDUException invalid) {
                return ids.isEmpty() ? new SmsOutcome.Refused("the message cannot be put into SMPP: " + invalid.getMessage())
                        : new SmsOutcome.Uncertain("a later part cannot be put into SMPP: " + invalid.getMessage());
            } catch (ResponseTimeoutException | InvalidResponseException | IOException lost) {
                drop();
                return new SmsOutcome.Uncertain("the SMS centre did not answer a part it may have taken: "
                        + lost.getMessage());
            }
        }
        return new SmsOutcome.Accepted(ids);
    }

    /** Whether a session is bound now (it may have been dropped without a word, which is found at the next send). */
    public synchronized boolean isBound() {
        return session != null && session.getSessionState().isBound();
    }

    /** A sender of digits is a number; one with letters is a name (SMPP 3.4 section 5.2.5). */
    private TypeOfNumber sourceTon() {
        return settings.sourceAddress().chars().allMatch(Character::isDigit) ? TypeOfNumber.UNKNOWN
                : TypeOfNumber.ALPHANUMERIC;
    }

    /** 09121234567 as the network routes it between operators: 989121234567. */
    static String international(String number) {
        return number.startsWith("0") ? "98" + number.substring(1) : number;
    }

    @Override
    public synchronized void keepBound(SmsListener heard) {
        this.listener = heard;
        if (closed) {
            return;
        }
        try {
            bound();
        } catch (IOException unreachable) {
            drop();
            log.warn("the SMS centre at {}:{} cannot be reached now: {}", settings.host(), settings.port(),
                    unreachable.getMessage());
        }
    }

    private SMPPSession bound() throws IOException {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        drop();
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(settings.timeout().toMillis());
        fresh.setMessageReceiverListener(new Heard());
        fresh.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX,
                settings.systemId(), settings.password(), "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                null), settings.timeout().toMillis());
        log.info("bound to the SMS centre at {}:{} as {}", settings.host(), settings.port(), settings.systemId());
        session = fresh;
        return fresh;
    }

    private void drop() {
        if (session != null) {
            if (session.getSessionState() != SessionState.CLOSED) {
                session.unbindAndClose();
            }
            session = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        drop();
    }

    /** What the centre delivers: receipts for our messages, citizens' messages to us. */
    private final class Heard implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm delivered) throws ProcessRequestException {
            SmsListener heard = listener;
            if (heard == null) {
                return;
            }
            try {
                if (delivered.isSmscDeliveryReceipt()) {
                    DeliveryReceipt receipt = delivered.getShortMessageAsDeliveryReceipt();
                    heard.receipt(receipt.getId(), receipt.getFinalStatus().name());
                } else {
                    byte[] body = delivered.getShortMessage() == null ? new byte[0] : delivered.getShortMessage();
                    if ((delivered.getEsmClass() & 0x40) != 0) {
                        // A part of a longer message: answered once, for its first part, by the words in it.
                        int header = (body[0] & 0xFF) + 1;
                        if (partNumber(body) != 1) {
                            return;
                        }
                        body = Arrays.copyOfRange(body, header, body.length);
                    }
                    // The general data coding group: bits 2-3 say the alphabet, 10 is UCS-2 (SMPP 3.4 5.2.19).
                    String text = (delivered.getDataCoding() & 0x0C) == 0x08
                            ? new String(body, StandardCharsets.UTF_16BE) : new String(body, StandardCharsets.ISO_8859_1);
                    heard.message(delivered.getSourceAddr(), text);
                }
            } catch (InvalidDeliveryReceiptException | RuntimeException unreadable) {
                // SMPP 3.4 section 5.1.3: ESME_RX_T_APPN asks the centre to deliver it again later.
                throw new ProcessRequestException("could not take it now: " + unreadable.getMessage(), 0x00000064);
            }
        }

        /** The part's number from the concatenation element of its user data header (3GPP TS 23.040 9.2.3.24.1). */
        private static int partNumber(byte[] body) {
            int end = (body[0] & 0xFF) + 1;
            for (int at = 1; at + 1 < end && at + 1 < body.length; ) {
                int id = body[at] & 0xFF;
                int length = body[at + 1] & 0xFF;
                if (id == 0x00 && length == 3 && at + 4 < body.length) {
                    return body[at + 4] & 0xFF;
                }
                if (id == 0x08 && length == 4 && at + 5 < body.length) {
                    return body[at + 5] & 0xFF;
                }
                at += 2 + length;
            }
            return 1;
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alert) {
            // Not asked for.
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm data, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not taken here", 0x00000003);
        }
    }
}
