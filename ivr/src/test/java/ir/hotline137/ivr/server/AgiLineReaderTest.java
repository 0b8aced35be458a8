package ir.hotline137.ivr.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AgiLineReaderTest {

    @Test
    void readsLinesWithOrWithoutCarriageReturnsAndPersianText() throws IOException {
        AgiLineReader reader = reader("agi_channel: PJSIP/1\r\nagi_calleridname: علی\n\n200 result=0", 8192);

        assertThat(reader.readLine()).isEqualTo("agi_channel: PJSIP/1");
        assertThat(reader.readLine()).isEqualTo("agi_calleridname: علی");
        assertThat(reader.readLine()).isEmpty();
        assertThat(reader.readLine()).isEqualTo("200 result=0");
        assertThat(reader.readLine()).isNull();
    }

    @Test
    void aLineOverTheLimitIsRefusedBeforeItIsBuffered() {
        AgiLineReader reader = reader("agi_x: " + "a".repeat(9000) + "\n", 8192);

        assertThatThrownBy(reader::readLine).isInstanceOf(AgiLineReader.LineTooLongException.class)
                .hasMessageContaining("8192");
    }

    @Test
    void aTimeoutKeepsTheHalfReadLine() throws IOException {
        InputStream stalling = new InputStream() {
            private final byte[] first = "HANG".getBytes(StandardCharsets.US_ASCII);
            private final byte[] second = "UP\n".getBytes(StandardCharsets.US_ASCII);
            private int calls;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                calls++;
                byte[] part = switch (calls) {
                    case 1 -> first;
                    case 2 -> throw new SocketTimeoutException("quiet");
                    default -> second;
                };
                System.arraycopy(part, 0, b, off, part.length);
                return part.length;
            }
        };
        AgiLineReader reader = new AgiLineReader(stalling, 8192);

        assertThatThrownBy(reader::readLine).isInstanceOf(SocketTimeoutException.class);
        assertThat(reader.readLine()).isEqualTo("HANGUP");
    }

    private static AgiLineReader reader(String text, int limit) {
        return new AgiLineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), limit);
    }
}
