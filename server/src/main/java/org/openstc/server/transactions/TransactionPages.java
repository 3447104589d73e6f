package org.openstc.server.transactions;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.licences.Licences;
import org.openstc.server.partners.PartnerStatus;
import org.openstc.server.partners.Partners;
import org.openstc.server.problems.DomainException;
import org.openstc.server.problems.InvalidRequestException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages for transactions: list, entry form, and the transaction with its check and releases. */
@Controller
@PreAuthorize(TransactionApi.READERS)
class TransactionPages {

  private static final int LINE_ROWS = 5;

  private final Transactions transactions;
  private final Partners partners;
  private final Licences licences;

  TransactionPages(Transactions transactions, Partners partners, Licences licences) {
    this.transactions = transactions;
    this.partners = partners;
    this.licences = licences;
  }

  @GetMapping("/transactions")
  String list(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam(required = false) TransactionStatus status,
      @RequestParam(required = false) String q,
      Model model) {
    model.addAttribute("transactions", transactions.list(user, status, q, 200));
    model.addAttribute("counts", transactions.countByStatus(user.organisationScope()));
    model.addAttribute("statuses", TransactionStatus.values());
    model.addAttribute("status", status);
    model.addAttribute("q", q);
    return "transactions/list";
  }

  @GetMapping("/transactions/new")
  @PreAuthorize(TransactionApi.WRITERS)
  String newTransaction(@AuthenticationPrincipal SignedInUser user, Model model) {
    return form(user, model, null, new org.springframework.util.LinkedMultiValueMap<>(), null);
  }

  @PostMapping("/transactions")
  @PreAuthorize(TransactionApi.WRITERS)
  String create(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam MultiValueMap<String, String> form,
      @RequestParam(value = "eucFile", required = false) MultipartFile eucFile,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    try {
      CheckResult r = transactions.create(draft(form), user);
      if (eucFile != null && !eucFile.isEmpty()) {
        try (var in = eucFile.getInputStream()) {
          r =
              transactions.attachEndUseCertificate(
                  r.transactionId(),
                  eucFile.getOriginalFilename(),
                  eucFile.getContentType(),
                  in,
                  user);
        }
      }
      redirect.addFlashAttribute("notice", "Transaction entered and checked: " + r.result());
      return "redirect:/transactions/" + r.transactionId();
    } catch (DomainException | IllegalArgumentException e) {
      return form(user, model, e.getMessage(), form, null);
    }
  }

  @GetMapping("/transactions/{id}/edit")
  @PreAuthorize(TransactionApi.WRITERS)
  String edit(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
    return form(user, model, null, values(transactions.get(id, user)), id);
  }

  @PostMapping("/transactions/{id}")
  @PreAuthorize(TransactionApi.WRITERS)
  String update(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    try {
      CheckResult r = transactions.update(id, draft(form), user);
      redirect.addFlashAttribute("notice", "Transaction changed and checked again: " + r.result());
      return "redirect:/transactions/" + id;
    } catch (DomainException | IllegalArgumentException e) {
      return form(user, model, e.getMessage(), form, id);
    }
  }

  @GetMapping("/transactions/{id}")
  String show(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
    Transaction t = transactions.get(id, user);
    model.addAttribute("t", t);
    model.addAttribute("check", transactions.lastCheck(id, user).orElse(null));
    model.addAttribute("history", transactions.checks(id, user).reversed());
    model.addAttribute("overrides", transactions.overrides(id, user));
    model.addAttribute("uses", transactions.licenceUses(id, user));
    model.addAttribute(
        "licences",
        licences.list(t.organisationId()).stream()
            .filter(l -> l.validOn(LocalDate.now()))
            .toList());
    model.addAttribute("ownTransaction", t.createdById() == user.userId());
    return "transactions/show";
  }

  @PostMapping("/transactions/{id}/check")
  @PreAuthorize(TransactionApi.WRITERS)
  String recheck(
      @AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes r) {
    return act(id, r, () -> "Checked again: " + transactions.check(id, user).result());
  }

  @PostMapping("/transactions/{id}/lines/{lineId}/licence")
  @PreAuthorize(TransactionApi.OFFICERS)
  String assign(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @PathVariable long lineId,
      @RequestParam(required = false) Long licenceId,
      RedirectAttributes r) {
    return act(
        id,
        r,
        () ->
            "Licence "
                + (licenceId == null ? "removed" : "assigned")
                + "; checked again: "
                + transactions.assignLicence(id, lineId, licenceId, user).result());
  }

  @PostMapping("/transactions/{id}/overrides")
  @PreAuthorize(TransactionApi.OFFICERS)
  String requestOverride(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestParam String reason,
      RedirectAttributes r) {
    return act(
        id,
        r,
        () -> {
          transactions.requestOverride(id, reason, user);
          return "Override requested: a second export control officer must approve it.";
        });
  }

  @PostMapping("/transactions/{id}/overrides/{overrideId}/decision")
  @PreAuthorize(TransactionApi.OFFICERS)
  String decideOverride(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @PathVariable long overrideId,
      @RequestParam boolean approve,
      @RequestParam String reason,
      RedirectAttributes r) {
    return act(
        id,
        r,
        () ->
            (approve ? "Override approved" : "Override refused")
                + "; checked again: "
                + transactions.decideOverride(id, overrideId, approve, reason, user).result());
  }

  @PostMapping("/transactions/{id}/ship")
  @PreAuthorize(TransactionApi.WRITERS)
  String ship(
      @AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes r) {
    return act(
        id,
        r,
        () -> {
          transactions.ship(id, user);
          return "Shipped; licence use recorded.";
        });
  }

  @PostMapping("/transactions/{id}/euc")
  @PreAuthorize(TransactionApi.WRITERS)
  String attachEuc(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestParam("file") MultipartFile file,
      RedirectAttributes r) {
    return act(
        id,
        r,
        () -> {
          try (var in = file.getInputStream()) {
            return "Certificate attached; checked again: "
                + transactions
                    .attachEndUseCertificate(
                        id, file.getOriginalFilename(), file.getContentType(), in, user)
                    .result();
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @GetMapping("/transactions/{id}/euc")
  ResponseEntity<FileSystemResource> euc(
      @AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
    Transactions.DocumentFile f =
        transactions
            .endUseCertificateFile(id, user)
            .orElseThrow(() -> new org.openstc.server.problems.NotFoundException("No certificate"));
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + f.name().replace("\"", "_") + "\"")
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .body(new FileSystemResource(f.file()));
  }

  @PostMapping("/transactions/{id}/legal-hold")
  @PreAuthorize(TransactionApi.OFFICERS)
  String legalHold(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestParam boolean hold,
      @RequestParam String reason,
      RedirectAttributes r) {
    return act(
        id,
        r,
        () -> {
          transactions.legalHold(id, hold, reason, user);
          return hold ? "Legal hold set." : "Legal hold lifted.";
        });
  }

  private String act(long id, RedirectAttributes r, java.util.function.Supplier<String> action) {
    try {
      r.addFlashAttribute("notice", action.get());
    } catch (DomainException | IllegalArgumentException e) {
      r.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/transactions/" + id;
  }

  private String form(
      SignedInUser user,
      Model model,
      String error,
      MultiValueMap<String, String> values,
      Long transactionId) {
    model.addAttribute("error", error);
    model.addAttribute("transactionId", transactionId);
    model.addAttribute("v", values.toSingleValueMap());
    List<List<String>> rows = new ArrayList<>();
    List<String> parts = values.getOrDefault("line.part", List.of());
    for (int i = 0; i < Math.max(LINE_ROWS, parts.size() + 1); i++) {
      String currency = at(values, "line.currency", i);
      rows.add(
          List.of(
              i < parts.size() ? parts.get(i) : "",
              orEmpty(at(values, "line.quantity", i)),
              orEmpty(at(values, "line.value", i)),
              currency == null || currency.isBlank() ? "EUR" : currency));
    }
    model.addAttribute("lineRows", rows);
    model.addAttribute("kinds", TransactionKind.values());
    model.addAttribute("endUses", List.of("CIVIL", "MILITARY", "WMD", "INTERNAL_REPRESSION"));
    model.addAttribute("roles", TransactionRole.values());
    model.addAttribute("flags", RedFlag.values());
    model.addAttribute("partners", partners.search(user.organisationId(), null, null, 0, 1000));
    model.addAttribute("blocked", PartnerStatus.BLOCKED);
    return "transactions/form";
  }

  /** Reads the entry form: lines as parallel lists, one partner per role, yes/no per flag. */
  static TransactionDraft draft(MultiValueMap<String, String> f) {
    List<TransactionDraft.LineDraft> lines = new ArrayList<>();
    List<String> parts = f.getOrDefault("line.part", List.of());
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (part == null || part.isBlank()) {
        continue;
      }
      lines.add(
          new TransactionDraft.LineDraft(
              null,
              part.strip(),
              number("line " + (i + 1) + " quantity", at(f, "line.quantity", i)),
              number("line " + (i + 1) + " value", at(f, "line.value", i)),
              at(f, "line.currency", i)));
    }
    List<TransactionDraft.PartyDraft> parties = new ArrayList<>();
    for (TransactionRole role : TransactionRole.values()) {
      String id = f.getFirst("party." + role.name());
      if (id != null && !id.isBlank()) {
        parties.add(new TransactionDraft.PartyDraft(role, Long.valueOf(id.strip()), null));
      }
    }
    Map<RedFlag, Boolean> flags = new EnumMap<>(RedFlag.class);
    for (RedFlag flag : RedFlag.values()) {
      String a = f.getFirst("flag." + flag.name());
      if ("yes".equals(a) || "no".equals(a)) {
        flags.put(flag, "yes".equals(a));
      }
    }
    String signed = f.getFirst("euc.signedOn");
    EndUseCertificate euc =
        new EndUseCertificate(
            f.getFirst("euc.endUser"),
            f.getFirst("euc.address"),
            f.getFirst("euc.country"),
            f.getFirst("euc.items"),
            f.getFirst("euc.endUse"),
            f.containsKey("euc.noReexport"),
            f.getFirst("euc.signatory"),
            signed == null || signed.isBlank() ? null : LocalDate.parse(signed),
            f.containsKey("euc.government"),
            f.containsKey("euc.authenticated"));
    String transit = f.getFirst("transit");
    String kind = f.getFirst("kind");
    return new TransactionDraft(
        f.getFirst("reference"),
        kind == null || kind.isBlank() ? null : TransactionKind.valueOf(kind),
        f.getFirst("destination"),
        transit == null || transit.isBlank() ? List.of() : List.of(transit.split("[,; ]+")),
        f.getFirst("endUse"),
        f.getFirst("endUseStatement"),
        lines,
        parties,
        flags,
        euc);
  }

  /** The form's values of a stored transaction, named as the entry form names them. */
  static MultiValueMap<String, String> values(Transaction t) {
    MultiValueMap<String, String> v = new org.springframework.util.LinkedMultiValueMap<>();
    v.add("reference", t.reference());
    v.add("kind", t.kind().name());
    v.add("destination", t.destination());
    v.add("transit", String.join(", ", t.transit()));
    v.add("endUse", t.endUse());
    v.add("endUseStatement", orEmpty(t.endUseStatement()));
    for (TransactionLine l : t.lines()) {
      v.add("line.part", l.partNumber());
      v.add("line.quantity", l.quantity().stripTrailingZeros().toPlainString());
      v.add("line.value", l.value().toPlainString());
      v.add("line.currency", l.currency());
    }
    for (TransactionParty p : t.parties()) {
      v.add("party." + p.role().name(), Long.toString(p.partnerId()));
    }
    t.redFlags().forEach((flag, yes) -> v.add("flag." + flag.name(), yes ? "yes" : "no"));
    EndUseCertificate e = t.euc();
    v.add("euc.endUser", orEmpty(e.endUser()));
    v.add("euc.address", orEmpty(e.address()));
    v.add("euc.country", orEmpty(e.country()));
    v.add("euc.items", orEmpty(e.items()));
    v.add("euc.endUse", orEmpty(e.endUse()));
    v.add("euc.signatory", orEmpty(e.signatory()));
    v.add("euc.signedOn", e.signedOn() == null ? "" : e.signedOn().toString());
    if (e.noReexportUndertaking()) {
      v.add("euc.noReexport", "on");
    }
    if (e.governmentEndUser()) {
      v.add("euc.government", "on");
    }
    if (e.authenticated()) {
      v.add("euc.authenticated", "on");
    }
    return v;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String at(MultiValueMap<String, String> f, String key, int i) {
    List<String> values = f.getOrDefault(key, List.of());
    return i < values.size() ? values.get(i) : null;
  }

  private static BigDecimal number(String field, String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(s.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(field + ": '" + s + "' is not a number");
    }
  }
}
