package org.openstc.server.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit page: filter and page through records; administrators see every organisation's records,
 * export control officers their own organisation's.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMINISTRATOR','EXPORT_CONTROL_OFFICER','SENIOR_CASEWORKER')")
class AuditController {

  private final AuditTrail audit;
  private final AuditScope scope;

  AuditController(AuditTrail audit, AuditScope scope) {
    this.audit = audit;
    this.scope = scope;
  }

  @GetMapping("/audit")
  String page(
      Authentication auth,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String objectType,
      @RequestParam(required = false) String objectId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    AuditQuery query =
        scope.restrict(auth, query(actor, action, objectType, objectId, from, to, page, 50));
    List<AuditRecord> records = audit.search(query);
    long total = audit.count(query);
    model.addAttribute("records", records);
    model.addAttribute("total", total);
    model.addAttribute("page", query.page());
    model.addAttribute("pages", Math.max(1, (total + query.size() - 1) / query.size()));
    model.addAttribute("actor", actor);
    model.addAttribute("action", action);
    model.addAttribute("objectType", objectType);
    model.addAttribute("objectId", objectId);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    return "audit/list";
  }

  @GetMapping("/audit/export.csv")
  void exportCsv(
      Authentication auth,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String objectType,
      @RequestParam(required = false) String objectId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      HttpServletResponse response)
      throws IOException {
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"openstc-audit.csv\"");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    PrintWriter out = response.getWriter();
    out.println(
        "seq,occurred_at,actor,organisation_id,action,object_type,object_id,summary,request_id,hash");
    int page = 0;
    while (true) {
      AuditQuery query =
          scope.restrict(auth, query(actor, action, objectType, objectId, from, to, page++, 500));
      List<AuditRecord> records = audit.search(query);
      for (AuditRecord r : records) {
        out.println(
            String.join(
                ",",
                Long.toString(r.seq()),
                r.occurredAt().toString(),
                csv(r.actor()),
                r.organisationId() == null ? "" : r.organisationId().toString(),
                csv(r.action()),
                csv(r.objectType()),
                csv(r.objectId()),
                csv(r.summary()),
                csv(r.requestId()),
                r.hash()));
      }
      if (records.size() < query.size()) {
        break;
      }
    }
  }

  static AuditQuery query(
      String actor,
      String action,
      String objectType,
      String objectId,
      LocalDate from,
      LocalDate to,
      int page,
      int size) {
    Instant start = from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return new AuditQuery(null, actor, action, objectType, objectId, start, end, page, size);
  }

  /** Quotes a CSV field and defuses spreadsheet formulas. */
  static String csv(String value) {
    if (value == null) {
      return "";
    }
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
