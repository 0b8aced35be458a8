package ir.hotline137.ivr.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The peers allowed to drive calls. A FastAGI connection can make the IVR register requests and bridge
 * calls to agents' phones, so only the city's Asterisk servers may open one.
 */
public final class PeerAllowList {
    private final List<Block> blocks;
    private final List<String> entries;

    private PeerAllowList(List<Block> blocks, List<String> entries) {
        this.blocks = blocks;
        this.entries = entries;
    }

    /**
     * @param entries IP addresses, CIDR blocks or host names; host names are resolved now, once
     * @throws IllegalArgumentException naming the entry that is neither
     */
    public static PeerAllowList of(List<String> entries) {
        return of("hotline.fastagi.allowed-hosts", entries);
    }

    /**
     * @param setting the setting the entries come from, named in errors
     * @param entries IP addresses, CIDR blocks or host names; host names are resolved now, once
     */
    public static PeerAllowList of(String setting, List<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            int slash = entry.indexOf('/');
            try {
                if (slash >= 0) {
                    InetAddress network = InetAddress.getByName(entry.substring(0, slash));
                    int bits = Integer.parseInt(entry.substring(slash + 1));
                    if (bits < 0 || bits > network.getAddress().length * 8) {
                        throw new IllegalArgumentException(setting + ": '" + raw
                                + "' has a prefix length outside 0.." + network.getAddress().length * 8);
                    }
                    blocks.add(new Block(network.getAddress(), bits));
                } else {
                    for (InetAddress address : InetAddress.getAllByName(entry)) {
                        blocks.add(new Block(address.getAddress(), address.getAddress().length * 8));
                    }
                }
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException(setting + ": '" + raw
                        + "' is not an IP address, a CIDR block or a host name that resolves", e);
            }
        }
        return new PeerAllowList(List.copyOf(blocks), List.copyOf(entries));
    }

    public boolean allows(InetAddress peer) {
        byte[] address = peer.getAddress();
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return String.join(", ", entries);
    }

    private record Block(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
