package org.openstc.server.items;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.openstc.controls.determination.DeterminationJson;
import org.openstc.server.identity.SignedInUser;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API for products, their documents and classifications (four-eyes review). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Products", description = "Products and their classifications")
@PreAuthorize("hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER','ADMINISTRATOR')")
class ProductApi {

  private final Products products;

  ProductApi(Products products) {
    this.products = products;
  }

  record NewProduct(String partNumber, String description, String technicalData) {}

  record Proposal(String jurisdiction, String code, String rationale) {}

  record Rejection(String reason) {}

  record LineFacts(
      String destination,
      @JsonAlias("end_use") String endUse,
      String activity,
      @JsonAlias("as_of") LocalDate asOf) {}

  @GetMapping("/products")
  @Operation(summary = "Products of the user's organisation (q filters part number/description)")
  List<Product> list(
      @AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String q) {
    return products.products(user, q);
  }

  @PostMapping("/products")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER')")
  @Operation(summary = "Create a product {partNumber, description, technicalData}")
  Product create(@AuthenticationPrincipal SignedInUser user, @RequestBody NewProduct body) {
    return products.create(body.partNumber(), body.description(), body.technicalData(), user);
  }

  @GetMapping("/products/{id}")
  @Operation(
      summary = "A product with its classifications and documents (404 outside your organisation)")
  ProductDetail detail(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
    return products.detail(id, user);
  }

  @PostMapping(value = "/products/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER')")
  @Operation(
      summary = "Attach a document (multipart 'file'; size limit stc.items.max-document-size)")
  ProductDocument attach(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestParam("file") MultipartFile file)
      throws IOException {
    try (InputStream in = file.getInputStream()) {
      return products.attach(id, file.getOriginalFilename(), file.getContentType(), in, user);
    }
  }

  @GetMapping("/products/{id}/documents/{documentId}")
  @Operation(summary = "Download a document")
  ResponseEntity<Resource> download(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @PathVariable long documentId) {
    return file(products.document(id, documentId, user));
  }

  static ResponseEntity<Resource> file(Products.DocumentFile f) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(f.document().fileName(), java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(new FileSystemResource(f.file()));
  }

  @PostMapping("/products/{id}/classifications")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('EXPORT_CONTROL_OFFICER')")
  @Operation(
      summary = "Propose a classification {jurisdiction: EU|US, code|NOT_LISTED|EAR99, rationale}")
  ProductClassification propose(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestBody Proposal body) {
    return products.propose(id, body.jurisdiction(), body.code(), body.rationale(), user);
  }

  @PostMapping("/products/{id}/classifications/{classificationId}/approve")
  @PreAuthorize("hasRole('EXPORT_CONTROL_OFFICER')")
  @Operation(summary = "Approve a proposal (four-eyes: not the proposer)")
  ProductClassification approve(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @PathVariable long classificationId) {
    return products.approve(id, classificationId, user);
  }

  @PostMapping("/products/{id}/classifications/{classificationId}/reject")
  @PreAuthorize("hasRole('EXPORT_CONTROL_OFFICER')")
  @Operation(summary = "Reject a proposal with a reason {reason}")
  ProductClassification reject(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @PathVariable long classificationId,
      @RequestBody Rejection body) {
    return products.reject(id, classificationId, body.reason(), user);
  }

  @PostMapping(value = "/products/{id}/determinations", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "Determine an export of the product {destination, endUse, activity, asOf} with its"
              + " approved classifications; same JSON as POST /determinations")
  ResponseEntity<String> determine(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestBody LineFacts body) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            DeterminationJson.write(
                products.determine(
                    id, body.destination(), body.endUse(), body.activity(), body.asOf(), user)));
  }

  @GetMapping("/classifications/review-queue")
  @PreAuthorize("hasRole('EXPORT_CONTROL_OFFICER')")
  @Operation(
      summary = "Proposals to decide and approved classifications flagged after a list change")
  List<ReviewItem> queue(@AuthenticationPrincipal SignedInUser user) {
    return products.reviewQueue(user);
  }
}
