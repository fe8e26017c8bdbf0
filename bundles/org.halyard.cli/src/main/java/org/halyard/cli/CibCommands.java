package org.halyard.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.halyard.cib.CibException;
import org.halyard.cib.validation.CibValidator;
import org.halyard.cib.validation.Problem;

/** {@code halyard cib ...}: commands on CIB XML files. */
final class CibCommands {

    private CibCommands() {
    }

    static int run(List<String> args, PrintStream out) {
        if (args.isEmpty()) {
            throw new Halyard.UsageException("halyard cib: missing subcommand (verify)");
        }
        if (!args.get(0).equals("verify")) {
            throw new Halyard.UsageException("halyard cib: unknown subcommand \"" + args.get(0) + "\"");
        }
        Path schemas = CibValidator.DEFAULT_SCHEMA_DIR;
        List<String> files = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--schemas")) {
                if (++i >= args.size()) {
                    throw new Halyard.UsageException("halyard cib verify: --schemas needs a directory");
                }
                schemas = Path.of(args.get(i));
            } else if (arg.startsWith("-")) {
                throw new Halyard.UsageException("halyard cib verify: unexpected argument \"" + arg + "\"");
            } else {
                files.add(arg);
            }
        }
        if (files.isEmpty()) {
            throw new Halyard.UsageException("halyard cib verify: missing FILE");
        }
        int result = Halyard.OK;
        for (String file : files) {
            if (!verify(Path.of(file), file, schemas, out)) {
                result = Halyard.FAILED;
            }
        }
        return result;
    }

    /** Prints each problem, then a one-line verdict; true when the file has no errors. */
    private static boolean verify(Path path, String shownAs, Path schemas, PrintStream out) {
        List<Problem> problems;
        try {
            problems = CibValidator.verify(path, schemas);
        } catch (CibException e) {
            out.println(e.getMessage());
            out.println(shownAs + ": not valid: cannot be read as a CIB");
            return false;
        }
        problems.forEach(out::println);
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        if (errors > 0) {
            out.println(shownAs + ": not valid: " + count(errors, "error") + ", " + count(warnings, "warning"));
            return false;
        }
        out.println(shownAs + ": valid" + (warnings > 0 ? " (" + count(warnings, "warning") + ")" : ""));
        return true;
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
