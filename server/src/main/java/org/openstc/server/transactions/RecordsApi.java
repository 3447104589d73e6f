package org.openstc.server.transactions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.openstc.server.audit.Actor;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.transactions.internal.TransactionStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of record retention: run the purge now, list past runs with their reports. */
@RestController
@RequestMapping("/api/v1/records")
@Tag(name = "Records", description = "Retention of transaction records and the purge job")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class RecordsApi {

  private final RecordsPurge purge;

  RecordsApi(RecordsPurge purge) {
    this.purge = purge;
  }

  @PostMapping("/purge")
  @Operation(summary = "Purge records whose retention ended before today (legal holds are kept)")
  RecordsPurge.PurgeReport purge(@AuthenticationPrincipal SignedInUser user) {
    return purge.purge(LocalDate.now(), new Actor(user.getUsername(), user.organisationId()));
  }

  @GetMapping("/purge-runs")
  @Operation(summary = "Past purge runs with what each purged")
  List<TransactionStore.PurgeRun> runs() {
    return purge.runs(50);
  }
}
