package org.openstc.server.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs the {@code stc} command line in-process for tests, capturing what it prints.
 *
 * @param code the exit code
 * @param out what went to standard output
 * @param err what went to standard error
 */
public record CliRun(int code, String out, String err) {

  /** Same as {@link #code()}, for tests that read better with it. */
  public int exitCode() {
    return code;
  }

  /** Runs {@code stc ARGS...} with stdout and stderr captured. */
  public static synchronized CliRun stc(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = StcCommand.run(args);
      return new CliRun(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
