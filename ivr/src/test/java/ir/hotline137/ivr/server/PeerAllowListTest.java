package ir.hotline137.ivr.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hotline137.ivr.ShippedIvrSettings;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeerAllowListTest {

    @Test
    void loopbackOnlyByDefault() throws Exception {
        PeerAllowList list = PeerAllowList.of(ShippedIvrSettings.fastAgi().allowedHosts());

        assertThat(list.allows(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(list.allows(InetAddress.getByName("::1"))).isTrue();
        assertThat(list.allows(InetAddress.getByName("127.0.0.2"))).isFalse();
        assertThat(list.allows(InetAddress.getByName("10.0.0.1"))).isFalse();
    }

    @Test
    void cidrBlocksCoverTheirNetworkOnly() throws Exception {
        PeerAllowList list = PeerAllowList.of(List.of("10.20.0.0/22", "192.168.1.7", "fd00::/8"));

        assertThat(list.allows(InetAddress.getByName("10.20.3.255"))).isTrue();
        assertThat(list.allows(InetAddress.getByName("10.20.4.0"))).isFalse();
        assertThat(list.allows(InetAddress.getByName("192.168.1.7"))).isTrue();
        assertThat(list.allows(InetAddress.getByName("192.168.1.8"))).isFalse();
        assertThat(list.allows(InetAddress.getByName("fd12::1"))).isTrue();
        assertThat(list.allows(InetAddress.getByName("fe80::1"))).isFalse();
    }

    @Test
    void anEntryThatIsNoAddressIsNamed() {
        assertThatThrownBy(() -> PeerAllowList.of(List.of("10.0.0.0/40")))
                .hasMessageContaining("10.0.0.0/40").hasMessageContaining("prefix length");
        assertThatThrownBy(() -> PeerAllowList.of(List.of("asterisk.invalid")))
                .hasMessageContaining("asterisk.invalid");
    }
}
