package org.halyard.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.halyard.api.ApiClient;
import org.halyard.api.ApiException;
import org.halyard.api.ApiServer;
import org.halyard.api.ClusterEvent;
import org.halyard.api.ErrorCode;
import org.halyard.api.EventStream;
import org.halyard.api.Request;
import org.halyard.api.StatusReport;
import org.halyard.ui.connection.ChannelOpener;

/**
 * Stands in for the daemons of a cluster: one protocol server per node on a Unix socket, with a
 * {@code watch} that streams the events the test publishes, and {@code resource}/{@code node}
 * operations that are recorded and answered. The CIB ({@link SampleCib}) is served by
 * {@code cib-query} and replaced by {@code cib-replace} only on top of its current version, as the
 * daemon does; {@code agent-meta-data} knows the Dummy agent. No SSH and no real cluster; the
 * client's connection layer and views run unchanged on top.
 */
final class FakeDaemon implements AutoCloseable {

    private static final ClusterEvent END = new ClusterEvent();

    private final Path dir;
    private final Map<String, ApiServer> nodes = new ConcurrentHashMap<>();
    private final List<BlockingQueue<ClusterEvent>> watchers = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile StatusReport current;
    private volatile String refusal;
    private long seq;
    /** The CIB's epoch; each accepted replace, or a change "elsewhere", makes it one more. */
    private int epoch = 12;
    private String cib = SampleCib.CIB.formatted(epoch);
    private String lastReplacement;

    FakeDaemon(Path dir, String... nodeNames) {
        this.dir = dir;
        for (String node : nodeNames) {
            nodes.put(node, ApiServer.start(dir.resolve(node + ".sock"), this::handle));
        }
    }

    /** Reaches a node through its socket, as the SSH opener would through the subsystem. */
    ChannelOpener opener() {
        return node -> {
            Path socket = dir.resolve(node + ".sock");
            if (!nodes.containsKey(node) || !Files.exists(socket)) {
                throw new ApiException(ErrorCode.UNAVAILABLE, node + ": cannot connect: node is down");
            }
            return ApiClient.connect(socket);
        };
    }

    /** Every watcher gets this picture as the next event. */
    synchronized void publish(StatusReport report, String kind, String text) {
        current = report;
        ClusterEvent event = new ClusterEvent(++seq, "fake-1", System.currentTimeMillis(), kind, text, report);
        watchers.forEach(q -> q.add(event));
    }

    /** Ends every event stream, as a daemon that goes away does. */
    void endStreams() {
        watchers.forEach(q -> q.add(END));
    }

    /** Stops answering a node: its socket goes, its streams end. */
    void stopNode(String node) {
        ApiServer server = nodes.remove(node);
        if (server != null) {
            server.close();
        }
        endStreams();
    }

    /** The next resource/node operation is refused with this message (then answered again). */
    void refuseNext(String message) {
        refusal = message;
    }

    /** Another admin changes the configuration: the version the client read is no longer current. */
    synchronized void changeCibElsewhere() {
        setEpoch(epoch + 1, cib);
    }

    /** The CIB version as the daemon names it, e.g. "0.12.0". */
    synchronized String cibVersion() {
        return "0." + epoch + ".0";
    }

    /** The CIB text of the last accepted cib-replace, as the client sent it; null before one. */
    synchronized String lastReplacement() {
        return lastReplacement;
    }

    private void setEpoch(int next, String xml) {
        epoch = next;
        // "\bepoch" leaves admin_epoch alone: '_' is a word character
        cib = xml.replaceFirst("\\bepoch=\"\\d+\"", "epoch=\"" + next + "\"")
                .replaceFirst("num_updates=\"\\d+\"", "num_updates=\"0\"");
    }

    /** "resource stop rsc=web", "node standby node=node2", "cib-replace base=0.12.0" in the order received. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private Object handle(Request request) {
        return switch (request.op()) {
            case "watch" -> watch();
            case "status" -> current;
            case "resource", "node" -> operate(request);
            case "cib-query" -> cibQuery();
            case "cib-replace" -> cibReplace(request);
            case "agent-meta-data" -> metaData(request);
            default -> throw new ApiException(ErrorCode.BAD_REQUEST, "unknown operation \"" + request.op() + "\"");
        };
    }

    private EventStream watch() {
        return emit -> {
            BlockingQueue<ClusterEvent> queue = new LinkedBlockingQueue<>();
            watchers.add(queue);
            try {
                StatusReport now = current;
                emit.accept(new ClusterEvent(seq, "fake-1", System.currentTimeMillis(), ClusterEvent.RESYNC,
                        "resync", now));
                while (true) {
                    ClusterEvent next = queue.poll(2, TimeUnit.SECONDS);
                    if (next == END) {
                        return;
                    }
                    emit.accept(next != null ? next : new ClusterEvent(seq, "fake-1", System.currentTimeMillis(),
                            ClusterEvent.HEARTBEAT, null, null));
                }
            } finally {
                watchers.remove(queue);
            }
        };
    }

    private String operate(Request request) {
        String action = request.arg("action").orElse("?");
        StringBuilder line = new StringBuilder(request.op()).append(' ').append(action);
        for (String name : List.of("rsc", "node")) {
            request.arg(name).ifPresent(v -> line.append(' ').append(name).append('=').append(v));
        }
        requests.add(line.toString());
        String refused = refusal;
        if (refused != null) {
            refusal = null;
            throw new ApiException(ErrorCode.UNAVAILABLE, refused);
        }
        return action + " done";
    }

    private synchronized String cibQuery() {
        return cib;
    }

    private synchronized String cibReplace(Request request) {
        String base = request.arg("base").orElseThrow(() -> new ApiException(ErrorCode.BAD_REQUEST,
                "cib-replace needs the base version it was made from (arg base)"));
        String xml = request.data().orElseThrow(() -> new ApiException(ErrorCode.BAD_REQUEST,
                "cib-replace needs the new CIB as data"));
        requests.add("cib-replace base=" + base);
        String now = cibVersion();
        if (!base.equals(now)) {
            throw new ApiException(ErrorCode.CONFLICT, "the change was based on CIB " + base
                    + " but the cluster is at " + now + ": read the CIB again and redo the change");
        }
        lastReplacement = xml;
        setEpoch(epoch + 1, xml);
        return "CIB " + base + " -> " + cibVersion();
    }

    private String metaData(Request request) {
        String agent = request.arg("agent").orElse("");
        requests.add("agent-meta-data agent=" + agent);
        if (!agent.equals(SampleCib.DUMMY)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no resource agent " + agent + " on this node");
        }
        return SampleCib.DUMMY_META_DATA;
    }

    @Override
    public void close() {
        endStreams();
        nodes.values().forEach(ApiServer::close);
        nodes.clear();
    }
}
