package org.openstc.server.storage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unreachable database at start-up into one clear message instead of a stack trace. */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnavailableException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnavailableException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Start PostgreSQL or correct STC_DATABASE_URL / --database-url; unset it to use the"
            + " embedded H2 database in the data folder.",
        null);
  }
}
