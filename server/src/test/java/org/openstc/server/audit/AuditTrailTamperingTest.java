package org.openstc.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openstc.server.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The hash chain names every record that was edited or deleted behind the application's back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AuditTrailTamperingTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry, "audit");
  }

  @Autowired AuditTrail audit;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void fiveRecords() {
    jdbc.sql("delete from audit_record").update();
    jdbc.sql("update audit_chain_head set last_seq = 0, last_hash = :g where id = 1")
        .param("g", "0".repeat(64))
        .update();
    Actor alice = new Actor("alice", 7L);
    for (int i = 1; i <= 5; i++) {
      audit.record(
          alice,
          AuditEntry.of("THING_CHANGED", "Thing", i, "changed thing " + i)
              .withStates("{\"v\":" + (i - 1) + "}", "{\"v\":" + i + "}"));
    }
  }

  @Test
  void untouchedTrailIsIntact() {
    AuditVerification result = audit.verify();
    assertThat(result.intact()).isTrue();
    assertThat(result.recordsChecked()).isEqualTo(5);
  }

  @Test
  void editedRecordIsNamed() {
    jdbc.sql("update audit_record set summary = 'nothing to see' where seq = 3").update();
    AuditVerification result = audit.verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.breaks())
        .singleElement()
        .satisfies(b -> {
          assertThat(b.seq()).isEqualTo(3);
          assertThat(b.problem()).contains("edited");
        });
  }

  @Test
  void editedActorOrStateIsDetectedToo() {
    jdbc.sql("update audit_record set after_state = '{\"v\":99}' where seq = 2").update();
    jdbc.sql("update audit_record set actor = 'mallory' where seq = 4").update();
    assertThat(audit.verify().breaks())
        .extracting(AuditVerification.Break::seq)
        .containsExactly(2L, 4L);
  }

  @Test
  void deletedRecordIsNamed() {
    jdbc.sql("delete from audit_record where seq = 2").update();
    AuditVerification result = audit.verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.breaks().getFirst().problem()).contains("records 2").contains("missing");
  }

  @Test
  void deletedLastRecordIsDetected() {
    jdbc.sql("delete from audit_record where seq = 5").update();
    AuditVerification result = audit.verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.breaks().getFirst().seq()).isEqualTo(5);
  }

  @Test
  void recordsCarryActorOrganisationAndChainLinks() {
    var records = audit.search(new AuditQuery(7L, null, null, "Thing", null, null, null, 0, 10));
    assertThat(records).hasSize(5);
    assertThat(records.getFirst().seq()).isEqualTo(5);
    assertThat(records.getFirst().prevHash()).isEqualTo(records.get(1).hash());
    assertThat(audit.search(new AuditQuery(8L, null, null, null, null, null, null, 0, 10)))
        .isEmpty();
  }
}
