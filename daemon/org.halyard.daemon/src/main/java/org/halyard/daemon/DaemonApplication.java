package org.halyard.daemon;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Equinox entry point of {@code halyardd}: parse the command line, log, run until SIGTERM. */
public final class DaemonApplication implements IApplication {

    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILURE = 1;
    private static final Logger LOG = LoggerFactory.getLogger(DaemonApplication.class);
    /** How long a signal during the start waits for it to finish before the JVM goes. */
    private static final Duration START_PATIENCE = Duration.ofSeconds(60);
    private volatile Daemon daemon;
    /** The started daemon, or null if it could not start. */
    private final CompletableFuture<Daemon> started = new CompletableFuture<>();

    @Override
    public Object start(IApplicationContext context) throws InterruptedException {
        String[] raw = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<String> args = raw == null ? List.of() : Arrays.asList(raw);
        DaemonOptions options;
        try {
            options = DaemonOptions.parse(args);
        } catch (DaemonOptions.UsageException e) {
            System.err.println(e.getMessage());
            return EXIT_USAGE;
        }
        Thread hook = new Thread(this::stopOnSignal, "halyardd-shutdown");
        try {
            DaemonLogging.configure(options.stateDir().resolve("halyardd.log"), Boolean.getBoolean("halyard.debug"));
            // Registered before the start, so a SIGTERM right after "halyardd started" still stops cleanly
            Runtime.getRuntime().addShutdownHook(hook);
            daemon = Daemon.start(options);
            started.complete(daemon);
        } catch (DaemonException | IllegalStateException e) {
            started.complete(null);
            LOG.error("halyardd cannot start: {}", e.getMessage());
            removeHook(hook);
            DaemonLogging.close();
            return EXIT_FAILURE;
        }
        context.applicationRunning();
        while (!daemon.awaitStop(1, TimeUnit.HOURS)) {
            // runs until stop() or a signal
        }
        removeHook(hook);
        return IApplication.EXIT_OK;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook itself is what stopped us
        }
    }

    /**
     * SIGTERM/SIGINT: stop the daemon (once its start has finished, if the signal came during it)
     * and let the last log lines reach the file before the JVM ends.
     */
    private void stopOnSignal() {
        LOG.info("signal received, stopping");
        Daemon running;
        try {
            running = started.get(START_PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            running = null;
            LOG.warn("the daemon did not finish starting within {} s; leaving without a clean stop",
                    START_PATIENCE.toSeconds());
        }
        if (running != null) {
            running.close();
        }
        DaemonLogging.close();
    }

    @Override
    public void stop() {
        Daemon running = daemon;
        if (running != null) {
            running.close();
        }
    }
}
