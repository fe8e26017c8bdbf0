package org.halyard.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.halyard.api.ApiClient;
import org.halyard.api.ApiException;
import org.halyard.cib.CibException;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.SourcePosition;
import org.halyard.cib.validation.Check;
import org.halyard.cib.validation.CibValidator;
import org.halyard.cib.validation.Problem;
import org.halyard.crmsh.CrmConfigure;
import org.halyard.crmsh.CrmSyntaxException;
import org.halyard.crmsh.ParsedConfiguration;

/**
 * {@code halyard configure ...}: the crm shell's configure language, on files or (without a file,
 * through the local daemon) on the running cluster.
 */
final class ConfigureCommands {

    private ConfigureCommands() {
    }

    static int run(List<String> args, PrintStream out) {
        if (args.isEmpty()) {
            throw new Halyard.UsageException("halyard configure: missing subcommand (show, load)");
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "show" -> show(rest, out);
            case "load" -> load(rest, out);
            default -> throw new Halyard.UsageException("halyard configure: unknown subcommand \""
                    + args.get(0) + "\"");
        };
    }

    /** {@code configure show [FILE.xml]}: the configuration as crm configure show prints it. */
    private static int show(List<String> arguments, PrintStream out) {
        List<String> args = LiveCluster.mutable(arguments);
        Path socket = LiveCluster.takeSocket(args, "halyard configure show");
        if (args.isEmpty()) {
            try (ApiClient client = ApiClient.connect(socket)) {
                out.print(CrmConfigure.print(LiveCluster.fetch(client).configuration().orElseThrow()));
                return Halyard.OK;
            } catch (ApiException | CibException e) {
                out.println("halyard configure show: " + e.getMessage());
                return Halyard.FAILED;
            }
        }
        if (args.size() != 1) {
            throw new Halyard.UsageException(args.isEmpty() ? "halyard configure show: missing FILE.xml"
                    : "halyard configure show: one FILE.xml only, found \"" + args.get(1) + "\"");
        }
        String file = args.get(0);
        Cib cib;
        try {
            cib = CibXml.load(Path.of(file));
        } catch (CibException e) {
            out.println(e.getMessage());
            out.println(file + ": cannot be read as a CIB");
            return Halyard.FAILED;
        }
        Configuration configuration = cib.configuration().orElse(null);
        if (configuration == null) {
            out.println(file + ": the CIB has no <configuration>");
            return Halyard.FAILED;
        }
        out.print(CrmConfigure.print(configuration));
        return Halyard.OK;
    }

    /**
     * {@code configure load FILE.crm --out CIB.xml [--force] [--schemas DIR]}: crm text to a new
     * CIB file. Nothing is written unless the text parses and the CIB it makes passes the semantic
     * check and Pacemaker's schema (as crmsh refuses to commit what crm_verify rejects); the file
     * is written atomically, and an existing one only replaced with --force.
     */
    private static int load(List<String> arguments, PrintStream out) {
        List<String> args = LiveCluster.mutable(arguments);
        Path socket = LiveCluster.takeSocket(args, "halyard configure load");
        String input = null;
        Path target = null;
        boolean force = false;
        Path schemas = CibValidator.DEFAULT_SCHEMA_DIR;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--out" -> {
                    if (++i >= args.size()) {
                        throw new Halyard.UsageException("halyard configure load: --out needs a path");
                    }
                    target = Path.of(args.get(i));
                }
                case "--force" -> force = true;
                case "--schemas" -> {
                    if (++i >= args.size()) {
                        throw new Halyard.UsageException("halyard configure load: --schemas needs a directory");
                    }
                    schemas = Path.of(args.get(i));
                }
                default -> {
                    if (arg.startsWith("-") || input != null) {
                        throw new Halyard.UsageException("halyard configure load: unknown argument \""
                                + arg + "\"");
                    }
                    input = arg;
                }
            }
        }
        if (input == null) {
            throw new Halyard.UsageException("halyard configure load: missing FILE.crm");
        }
        if (target != null && Files.exists(target) && !force) {
            out.println(target + " exists already; choose another --out, or replace it with --force");
            return Halyard.FAILED;
        }
        ParsedConfiguration parsed;
        try {
            parsed = CrmConfigure.load(Path.of(input));
        } catch (CrmSyntaxException e) {
            e.errors().forEach(out::println);
            out.println(input + ": not loaded: " + count(e.errors().size(), "syntax error"));
            return Halyard.FAILED;
        } catch (IOException e) {
            out.println(input + ": cannot read: " + describe(e));
            return Halyard.FAILED;
        }
        List<Problem> problems = new ArrayList<>(CrmConfigure.check(parsed));
        problems.addAll(schemaProblems(parsed, input, schemas));
        if (target == null && parsed.configuration().nodes().map(n -> n.nodes().isEmpty()).orElse(true)) {
            // loaded into the running cluster without node lines, the cluster's own nodes stay: nodes
            // are checked against them once the text is merged (below), not against the text alone
            problems = problems.stream().filter(p -> p.check() != Check.UNKNOWN_NODE).toList();
        }
        problems.forEach(out::println);
        long errors = problems.stream().filter(Problem::isError).count();
        if (errors > 0) {
            out.println(input + ": not loaded: " + count(errors, "error") + ", "
                    + count(problems.size() - errors, "warning"));
            return Halyard.FAILED;
        }
        if (target == null) {
            String source = input;
            return LiveCluster.change(socket, out, "halyard configure load", cib -> {
                replaceConfiguration(cib, parsed);
                CibValidator.validate(cib).stream().filter(p -> p.check() == Check.UNKNOWN_NODE)
                        .forEach(p -> out.println(source + ": warning: " + p.message()));
            });
        }
        try {
            CibXml.save(parsed.cib(), target);
        } catch (CibException e) {
            out.println(e.getMessage());
            return Halyard.FAILED;
        }
        Configuration configuration = parsed.configuration();
        out.println("wrote " + target + " from " + input + ": "
                + count(configuration.nodes().orElseThrow().nodes().size(), "node") + ", "
                + count(configuration.resources().orElseThrow().allResources().size(), "resource")
                + ", " + count(configuration.constraints().orElseThrow().constraints().size(),
                        "constraint"));
        return Halyard.OK;
    }

    /**
     * What Pacemaker's schema says of the CIB the text makes, each placed at the crm statement that
     * made the element: crm's generated ids extend their statement's id ({@code cib-bootstrap-options}
     * for {@code cib-bootstrap-options-cluster-infrastructure}).
     */
    private static List<Problem> schemaProblems(ParsedConfiguration parsed, String input, Path schemas) {
        List<Problem> found = new ArrayList<>();
        for (Problem p : CibValidator.verify(CibXml.toXml(parsed.cib()), input, schemas)) {
            if (p.check() != Check.SCHEMA) {
                continue; // the semantic checks ran on the text, with its own positions
            }
            SourcePosition where = null;
            String id = p.elementId();
            for (String prefix = id; prefix != null && where == null; prefix = shorter(prefix)) {
                where = parsed.positionOf(prefix).orElse(null);
            }
            String message = id == null ? p.message() : "the CIB element \"" + id + "\": " + p.message();
            found.add(new Problem(p.severity(), Check.SCHEMA, id, where, message));
        }
        return found;
    }

    private static String shorter(String id) {
        int dash = id.lastIndexOf('-');
        return dash > 0 ? id.substring(0, dash) : null;
    }

    /** The loaded text replaces the configuration; without node lines the cluster's nodes stay. */
    private static void replaceConfiguration(Cib cib, ParsedConfiguration parsed) {
        Configuration loaded = parsed.configuration();
        Configuration current = cib.configuration().orElseThrow();
        if (loaded.nodes().map(n -> n.nodes().isEmpty()).orElse(true)) {
            loaded.setNodes(current.nodes().orElse(null));
        }
        cib.setConfiguration(loaded);
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
