package ir.hotline137.outbound.sms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    private final SmppSettings settings;
    private final AtomicInteger references = new AtomicInteger();
    private SMPPSession session;
    private volatile SmsListener listener;

    public SmppGateway(SmppSettings settings) {
        this.settings = settings;
    }

    @Override
    public synchronized SmsOutcome send(String to, String text) {
        try {
            SMPPSession bound = bound();
            List<byte[]> parts = SmsParts.of(text, references.incrementAndGet() & 0xFF);
            String first = null;
            for (byte[] part : parts) {
                SubmitSmResult result = bound.submitShortMessage("CMT",
                        TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, settings.sourceAddress(),
                        TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, to,
                        parts.size() > 1 ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
                                : new ESMClass(),
                        (byte) 0, (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                        (byte) 0, new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, part);
                if (first == null) {
                    first = result.getMessageId();
                }
            }
            return new SmsOutcome.Accepted(first);
        } catch (NegativeResponseException refused) {
            int status = refused.getCommandStatus();
            String why = String.format("the SMS centre answered 0x%08X", status);
            return TRY_AGAIN.contains(status) ? new SmsOutcome.Unavailable(why) : new SmsOutcome.Refused(why);
        } catch (ResponseTimeoutException | InvalidResponseException | PDUException | IOException lost) {
            // Whatever the session's state now, a fresh one is bound for the next message.
            drop();
            return new SmsOutcome.Unavailable("the SMS centre did not answer: " + lost.getMessage());
        }
    }

    @Override
    public synchronized void keepBound(SmsListener heard) {
        this.listener = heard;
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
                    byte[] body = delivered.getShortMessage();
                    String text = (delivered.getDataCoding() & 0x0F) == 0x08
                            ? new String(body, StandardCharsets.UTF_16BE) : new String(body, StandardCharsets.ISO_8859_1);
                    heard.message(delivered.getSourceAddr(), text);
                }
            } catch (InvalidDeliveryReceiptException | RuntimeException unreadable) {
                // SMPP 3.4 section 5.1.3: ESME_RX_T_APPN asks the centre to deliver it again later.
                throw new ProcessRequestException("could not take it now: " + unreadable.getMessage(), 0x00000064);
            }
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
