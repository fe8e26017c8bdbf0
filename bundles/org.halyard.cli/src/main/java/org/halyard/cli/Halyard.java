package org.halyard.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code halyard} node command line. It runs on a plain classpath (no OSGi) so it starts
 * fast; every command returns 0 for success, 1 when what it checked or did failed, 2 for a
 * command line it cannot obey.
 */
public final class Halyard {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: halyard COMMAND [ARGS]

            Commands on the local daemon (socket: --socket PATH, $HALYARD_SOCKET, or
            /var/lib/halyard/halyard.sock):
              status [--xml]          the cluster as crm_mon -1 shows it: stack, DC, quorum,
                                      nodes, resources
              configure show          the running cluster's configuration, as crm shows it
              configure load FILE.crm replace the running cluster's configuration with the text
                                      (refused if someone changed it meanwhile)
              property set NAME=VALUE...
                                      set cluster options (cib-bootstrap-options)
              node standby|online NODE
                                      move a node's resources off it, or let it run them again
              node maintenance|ready NODE
                                      leave a node's resources alone, or manage them again
              resource start|stop|restart|promote|demote RSC
                                      set the resource's target-role (restart: stop, wait, start)
              resource move RSC [NODE] prefer NODE (cli-prefer-RSC), or ban RSC from where it runs
              resource unmove RSC     remove the move/ban constraints of RSC
              resource cleanup RSC [NODE]
                                      forget RSC's failures (on NODE, or everywhere), probe again
              failcount show|clear RSC [NODE]
                                      RSC's fail counts per node, or clear them (a cleanup)
              attribute (-n NAME|--promotion) (-v VALUE|-D|-G) [-N NODE]
                                      a node attribute until the daemon restarts, as
                                      crm_attribute -l reboot (resource agents use it)
              api                     stdin/stdout to the daemon's protocol, for OpenSSH:
                                      Subsystem halyard /path/to/halyard api

            Offline commands (no daemon needed):
              cib verify [--schemas DIR] FILE...
                                      check CIB XML files as crm_verify does: schema-level and
                                      semantic problems, each with file:line:col and element id;
                                      the RelaxNG schemas come from DIR (default
                                      /usr/share/pacemaker: Debian's pacemaker-common,
                                      Fedora's pacemaker-schemas)
              simulate FILE.xml [--scores] [--node-down NODE]... [--fail RSC:NODE]...
                                      what the scheduler would do with this CIB, in
                                      crm_simulate's format (Transition Summary, scores);
                                      --fail: RSC's recurring monitor failed on NODE first;
                                      --live instead of FILE.xml: the running cluster as
                                      its DC sees it (crm_simulate -L)
              configure show FILE.xml print a CIB's configuration as crm configure show does
              configure load FILE.crm --out CIB.xml [--force]
                                      crm configure text to a new CIB file, written only if it
                                      is valid; an existing file is replaced only with --force
              keygen [--file PATH] [--force]
                                      create the cluster's authkey (256 random bytes, mode 0600,
                                      default /etc/halyard/authkey); copy it to every node
              help                    this text
            """;

    private Halyard() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs one command; output goes to {@code out}, problems with the command line to {@code err}. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            if (args.isEmpty()) {
                throw new UsageException("halyard: missing command");
            }
            return switch (args.get(0)) {
                case "help", "-h", "--help" -> {
                    out.print(USAGE_TEXT);
                    yield OK;
                }
                case "cib" -> CibCommands.run(args.subList(1, args.size()), out);
                case "configure" -> ConfigureCommands.run(args.subList(1, args.size()), out);
                case "keygen" -> KeygenCommand.run(args.subList(1, args.size()), out);
                case "simulate" -> SimulateCommand.run(args.subList(1, args.size()), out);
                case "status" -> StatusCommand.run(args.subList(1, args.size()), out);
                case "property" -> ClusterCommands.property(args.subList(1, args.size()), out);
                case "node" -> ClusterCommands.node(args.subList(1, args.size()), out);
                case "resource" -> ClusterCommands.resource(args.subList(1, args.size()), out);
                case "failcount" -> ClusterCommands.failcount(args.subList(1, args.size()), out);
                case "attribute" -> AttributeCommand.run(args.subList(1, args.size()), out, System.getenv());
                case "api" -> ApiBridgeCommand.run(args.subList(1, args.size()), System.in, System.out, err);
                default -> throw new UsageException("halyard: unknown command \"" + args.get(0) + "\"");
            };
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
    }

    /** A command line that cannot be obeyed; the message names what is wrong. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
