package org.halyard.ssh;

import java.util.HashMap;
import java.util.Map;

import org.apache.sshd.client.session.ClientSession;

/**
 * One logged-in SSH session per target, shared by all channels opened to it (the client's event
 * stream and its command channel log in once). The session closes with its last channel; a
 * session that died is replaced by a fresh login on the next lease.
 */
final class SessionPool {

    /** Logs in to a target; runs at most once at a time per target. */
    @FunctionalInterface
    interface Login {
        ClientSession open(SshTarget target);
    }

    /** A target's session and how many channels use it; its monitor serializes logins. */
    private static final class Entry {
        private final SshTarget target;
        private ClientSession session;
        private int users;

        Entry(SshTarget target) {
            this.target = target;
        }
    }

    /** One channel's hold on a session; {@link #release()} once when the channel closes. */
    final class Lease {
        private final Entry entry;
        private boolean released;

        private Lease(Entry entry) {
            this.entry = entry;
        }

        ClientSession session() {
            return entry.session;
        }

        void release() {
            synchronized (SessionPool.this) {
                if (released) {
                    return;
                }
                released = true;
            }
            SessionPool.this.release(entry);
        }
    }

    private final Map<SshTarget, Entry> entries = new HashMap<>();

    Lease lease(SshTarget target, Login login) {
        Entry entry;
        synchronized (this) {
            entry = entries.computeIfAbsent(target, Entry::new);
            entry.users++;
        }
        try {
            synchronized (entry) {
                if (entry.session == null || !entry.session.isOpen() || entry.session.isClosing()) {
                    entry.session = login.open(target);
                }
            }
            return new Lease(entry);
        } catch (RuntimeException e) {
            release(entry);
            throw e;
        }
    }

    private void release(Entry entry) {
        ClientSession closing = null;
        synchronized (this) {
            if (--entry.users == 0) {
                entries.remove(entry.target, entry);
                closing = entry.session;
            }
        }
        if (closing != null) {
            closing.close(false);
        }
    }

    /** How many targets have a session now (for tests and diagnostics). */
    synchronized int size() {
        return entries.size();
    }

    synchronized void closeAll() {
        entries.values().forEach(e -> {
            if (e.session != null) {
                e.session.close(true);
            }
        });
        entries.clear();
    }
}
