package org.halyard.daemon;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Equinox entry point of {@code halyardd}: parse the command line, log, run until SIGTERM. */
public final class DaemonApplication implements IApplication {

    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILURE = 1;
    private static final Logger LOG = LoggerFactory.getLogger(DaemonApplication.class);
    private volatile Daemon daemon;

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
        try {
            DaemonLogging.configure(options.stateDir().resolve("halyardd.log"), Boolean.getBoolean("halyard.debug"));
            daemon = Daemon.start(options);
        } catch (DaemonException | IllegalStateException e) {
            LOG.error("halyardd cannot start: {}", e.getMessage());
            DaemonLogging.close();
            return EXIT_FAILURE;
        }
        context.applicationRunning();
        Thread hook = new Thread(this::stopOnSignal, "halyardd-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        while (!daemon.awaitStop(1, TimeUnit.HOURS)) {
            // runs until stop() or a signal
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook itself is what stopped us
        }
        return IApplication.EXIT_OK;
    }

    /** SIGTERM/SIGINT: stop the daemon and let the last log lines reach the file before the JVM ends. */
    private void stopOnSignal() {
        LOG.info("signal received, stopping");
        stop();
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
