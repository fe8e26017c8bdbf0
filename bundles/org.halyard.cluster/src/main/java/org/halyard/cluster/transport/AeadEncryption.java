package org.halyard.cluster.transport;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.Message;
import org.jgroups.stack.Protocol;
import org.jgroups.util.ByteArray;
import org.jgroups.util.ByteArrayDataOutputStream;
import org.jgroups.util.FastArray;
import org.jgroups.util.MessageBatch;
import org.jgroups.util.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticated encryption of every JGroups message, placed directly above the transport so
 * that nothing but sealed packets leaves the node: discovery, heartbeats, views, application
 * data. Replaces JGroups' SYM_ENCRYPT (CBC without a MAC, MD5 of the key in every header).
 *
 * <p>Down: the whole message (destination, source, flags, headers of every protocol above,
 * payload) is serialized and sealed by {@link TransportCipher} into the payload of a new message
 * that keeps only what the transport needs in the clear: destination, source and the
 * OOB/bundling/loopback flags. The cluster name and the source address are associated data, so
 * a packet cannot be replayed into another cluster or attributed to another sender.
 *
 * <p>Up: a packet that does not open (wrong key, altered, not ours) is dropped and counted; the
 * drop is logged at most once a minute per claimed sender, with the count ({@link DropLog}).
 * A member with another key therefore cannot discover, join or inject anything.
 *
 * <p>Not covered here: replay of a captured packet within the same cluster (reliable messages
 * are discarded as duplicates by NAKACK2/UNICAST3; heartbeats and discovery could be replayed),
 * and FD_SOCK2's own ping sockets, which carry no data but the cluster name.
 */
public class AeadEncryption extends Protocol {

    private static final Logger LOG = LoggerFactory.getLogger(AeadEncryption.class);
    /** How often a peer's drops may be logged. */
    public static final Duration DROP_LOG_INTERVAL = Duration.ofMinutes(1);
    private static final int DROP_LOG_PEERS = 64;
    private static final short CLEAR_FLAGS = (short) (Message.Flag.OOB.value() | Message.Flag.DONT_BUNDLE.value());
    private static final short CLEAR_TRANSIENT_FLAGS = (short) (Message.TransientFlag.DONT_LOOPBACK.value()
            | Message.TransientFlag.DONT_BLOCK.value());

    private final TransportCipher cipher;
    private final byte[] clusterName;
    private final DropLog drops;

    /**
     * @param transportKey {@code Authkey.deriveAesKey(Authkey.CLUSTER_TRANSPORT)}
     * @param clusterName  the name the channel connects to; part of every packet's associated data
     */
    public AeadEncryption(SecretKey transportKey, String clusterName) {
        this(transportKey, clusterName, new DropLog(System::nanoTime, DROP_LOG_INTERVAL, DROP_LOG_PEERS));
    }

    AeadEncryption(SecretKey transportKey, String clusterName, DropLog drops) {
        this.cipher = new TransportCipher(Objects.requireNonNull(transportKey, "transportKey"), new SecureRandom());
        this.clusterName = clusterName.getBytes(StandardCharsets.UTF_8);
        this.drops = drops;
    }

    /** Packets dropped because they did not open, since start. */
    public long droppedPackets() {
        return drops.totalDropped();
    }

    /** Packets dropped that claimed to come from {@code sender} (as the address prints). */
    public long droppedPacketsFrom(Address sender) {
        return drops.droppedFrom(String.valueOf(sender));
    }

    @Override
    public Object down(Message msg) {
        if (msg.getSrc() == null) {
            msg.setSrc(local_addr); // the source is authenticated, so it must be known before sealing
        }
        Message sealed;
        try {
            ByteArray plain = Util.messageToBuffer(msg);
            byte[] packet = cipher.seal(plain.array(), plain.offset(), plain.length(), aad(msg.getSrc()));
            sealed = new BytesMessage(msg.getDest(), packet).setSrc(msg.getSrc())
                    .setFlag((short) (msg.getFlags() & CLEAR_FLAGS), false)
                    .setFlag((short) (msg.getFlags(true) & CLEAR_TRANSIENT_FLAGS), true);
        } catch (Exception e) {
            // a message that cannot be serialized is a bug above us; never send it in the clear
            throw new IllegalStateException("cannot seal message to " + msg.getDest() + ": " + e, e);
        }
        return down_prot.down(sealed);
    }

    @Override
    public Object up(Message msg) {
        Message opened = open(msg);
        return opened == null ? null : up_prot.up(opened);
    }

    @Override
    public void up(MessageBatch batch) {
        // MessageBatch's iterator is a FastArray iterator, which can replace in place (as JGroups' SERIALIZE does)
        @SuppressWarnings("unchecked")
        FastArray<Message>.FastIterator it = (FastArray<Message>.FastIterator) batch.iterator();
        while (it.hasNext()) {
            Message opened = open(it.next());
            if (opened == null) {
                it.remove();
            } else {
                it.replace(opened);
            }
        }
        if (!batch.isEmpty()) {
            up_prot.up(batch);
        }
    }

    @Override
    public void stop() {
        for (DropLog.Report r : drops.drainUnreported()) {
            LOG.warn("{}: dropped {} more packets claiming to come from {} that did not authenticate ({} in all)",
                    local_addr, r.dropped(), r.peer(), r.total());
        }
        super.stop();
    }

    /** The opened message, or null when the packet must be dropped. */
    private Message open(Message msg) {
        Address src = msg.getSrc();
        try {
            if (src == null || !msg.hasArray()) {
                throw new AEADBadTagException("packet without sender or payload");
            }
            byte[] plain = cipher.open(msg.getArray(), msg.getOffset(), msg.getLength(), aad(src));
            Message inner = Util.messageFromBuffer(plain, 0, plain.length);
            if (!src.equals(inner.getSrc())) {
                throw new AEADBadTagException("sealed source " + inner.getSrc() + " differs from " + src);
            }
            return inner;
        } catch (AEADBadTagException e) {
            drops.dropped(String.valueOf(src)).ifPresent(r -> LOG.warn(
                    "{}: dropped {} packet(s) claiming to come from {} that did not authenticate ({} in all, "
                            + "logged at most once a minute): is its authkey different? {}",
                    local_addr, r.dropped(), r.peer(), r.total(), e.getMessage()));
            return null;
        } catch (Exception e) {
            // authenticated but unreadable: a peer running another version; loud, it is one of ours
            LOG.error("{}: cannot read authenticated packet from {}: {}", local_addr, src, e.toString());
            return null;
        }
    }

    private byte[] aad(Address src) {
        try {
            ByteArrayDataOutputStream out = new ByteArrayDataOutputStream(clusterName.length + 64);
            out.writeInt(clusterName.length);
            out.write(clusterName);
            Util.writeAddress(src, out);
            return out.getBuffer().bytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot serialize address " + src, e);
        }
    }
}
