package org.openstc.server.items;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openstc.controls.determination.Determination;
import org.openstc.server.audit.AuditEntry;
import org.openstc.server.audit.AuditTrail;
import org.openstc.server.controls.ControlListCatalogue;
import org.openstc.server.controls.ControlListCatalogue.ResolvedClassification;
import org.openstc.server.controls.DeterminationInput;
import org.openstc.server.identity.OrganisationKind;
import org.openstc.server.identity.Role;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.items.internal.ProductStore;
import org.openstc.server.items.internal.ProductStore.StoredDocument;
import org.openstc.server.problems.ConflictException;
import org.openstc.server.problems.ForbiddenException;
import org.openstc.server.problems.InvalidRequestException;
import org.openstc.server.problems.NotFoundException;
import org.openstc.server.storage.StorageProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Products of exporter organisations, their documents and their classifications with four-eyes
 * review: the items module's API. Every change is audited; users see only their organisation's
 * products (others get 404).
 */
@Service
public class Products {

  private final ProductStore store;
  private final ControlListCatalogue catalogue;
  private final AuditTrail audit;
  private final StorageProperties storage;
  private final ItemsProperties properties;

  public Products(
      ProductStore store,
      ControlListCatalogue catalogue,
      AuditTrail audit,
      StorageProperties storage,
      ItemsProperties properties) {
    this.store = store;
    this.catalogue = catalogue;
    this.audit = audit;
    this.storage = storage;
    this.properties = properties;
  }

  /** A new product; the part number is unique within the organisation. */
  @Transactional
  public Product create(
      String partNumber, String description, String technicalData, SignedInUser user) {
    if (user.organisationKind() != OrganisationKind.EXPORTER) {
      throw new ForbiddenException("Only users of an exporter organisation keep products");
    }
    String part = InvalidRequestException.requireText("partNumber", partNumber, 100);
    String desc = InvalidRequestException.requireText("description", description, 2000);
    String tech = technicalData == null || technicalData.isBlank() ? null : technicalData.strip();
    if (tech != null && tech.length() > 100_000) {
      throw new InvalidRequestException("technicalData: at most 100,000 characters");
    }
    if (store.partNumberTaken(user.organisationId(), part)) {
      throw new ConflictException("Part number " + part + " already exists in your organisation");
    }
    long id = store.insertProduct(user.organisationId(), part, desc, tech, user.getUsername());
    audit.record(
        AuditEntry.of("PRODUCT_CREATED", "Product", id, "Created product " + part + ": " + desc)
            .withStates(null, "part_number=" + part + ", description=" + desc));
    return product(id, user);
  }

  @Transactional(readOnly = true)
  public List<Product> products(SignedInUser user, String query) {
    return store.products(user.organisationScope(), query);
  }

  @Transactional(readOnly = true)
  public Product product(long id, SignedInUser user) {
    return store
        .product(id, user.organisationScope())
        .orElseThrow(() -> new NotFoundException("No product with id " + id));
  }

  @Transactional(readOnly = true)
  public ProductDetail detail(long id, SignedInUser user) {
    Product p = product(id, user);
    return new ProductDetail(p, store.classifications(id), store.documents(id));
  }

  /** Attaches a document, refusing files over the configured size. */
  @Transactional
  public ProductDocument attach(
      long productId, String fileName, String contentType, InputStream content, SignedInUser user) {
    Product p = product(productId, user);
    String name = safeFileName(fileName);
    Path folder =
        storage.dataDir().resolve("documents").resolve("products").resolve(Long.toString(p.id()));
    String storedName = UUID.randomUUID().toString();
    Path target = folder.resolve(storedName);
    long limit = properties.maxDocumentSize().toBytes();
    long size;
    String sha256;
    try {
      Files.createDirectories(folder);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha)) {
        byte[] buf = new byte[65536];
        size = 0;
        int n;
        while ((n = content.read(buf)) > 0) {
          size += n;
          if (size > limit) {
            break;
          }
          out.write(buf, 0, n);
        }
      }
      sha256 = HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new IllegalStateException("cannot store the document in " + folder, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    if (size > limit || size == 0) {
      try {
        Files.deleteIfExists(target);
      } catch (IOException ignored) {
        // the refused upload leaves at most a stray file
      }
      throw new InvalidRequestException(
          size == 0
              ? "file: the document is empty"
              : "file: larger than the limit of "
                  + properties.maxDocumentSize().toMegabytes()
                  + " MB");
    }
    String type =
        contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    long id =
        store.insertDocument(
            p.id(), name, cut(type, 200), size, sha256, storedName, user.getUsername());
    audit.record(
        AuditEntry.of(
            "PRODUCT_DOCUMENT_ADDED",
            "Product",
            p.id(),
            "Attached "
                + name
                + " ("
                + size
                + " bytes, sha256 "
                + sha256.substring(0, 12)
                + "…) to "
                + p.partNumber()));
    return store.document(p.id(), id).orElseThrow().document();
  }

  /** A document and the path of its file, if the product is in the user's scope. */
  public record DocumentFile(ProductDocument document, Path file) {}

  @Transactional(readOnly = true)
  public DocumentFile document(long productId, long documentId, SignedInUser user) {
    Product p = product(productId, user);
    StoredDocument d =
        store
            .document(p.id(), documentId)
            .orElseThrow(() -> new NotFoundException("No document " + documentId));
    return new DocumentFile(
        d.document(),
        storage
            .dataDir()
            .resolve("documents")
            .resolve("products")
            .resolve(Long.toString(p.id()))
            .resolve(d.storedName()));
  }

  /**
   * Proposes a classification against the list version in force today; the code must exist on it. A
   * second export control officer approves or rejects it.
   */
  @Transactional
  public ProductClassification propose(
      long productId, String jurisdiction, String code, String rationale, SignedInUser user) {
    requireOfficer(user);
    Product p = product(productId, user);
    String why = InvalidRequestException.requireText("rationale", rationale, 20_000);
    ResolvedClassification r = catalogue.resolve(jurisdiction, code, LocalDate.now());
    long id =
        store.insertClassification(
            p.id(),
            r.jurisdiction(),
            r.itemCode(),
            r.listId(),
            r.listValidFrom(),
            why,
            user.userId(),
            user.getUsername());
    audit.record(
        AuditEntry.of(
                "CLASSIFICATION_PROPOSED",
                "ProductClassification",
                id,
                "Proposed "
                    + r.jurisdiction()
                    + " "
                    + r.itemCode()
                    + (r.listId() != null ? " (" + r.listId() + "@" + r.listValidFrom() + ")" : "")
                    + " for "
                    + p.partNumber())
            .withStates(null, "status=PROPOSED, rationale=" + why));
    return store.classification(p.id(), id).orElseThrow();
  }

  /** Approves a proposal; the approver must be a different officer than the proposer. */
  @Transactional
  public ProductClassification approve(long productId, long classificationId, SignedInUser user) {
    requireOfficer(user);
    Product p = product(productId, user);
    ProductClassification c = proposal(p, classificationId);
    if (c.proposedById() == user.userId()) {
      throw new ForbiddenException(
          "Four-eyes rule: a second export control officer must approve a classification you"
              + " proposed");
    }
    store.decide(c.id(), ClassificationStatus.APPROVED, user.userId(), user.getUsername(), null);
    int superseded = store.supersede(p.id(), c.jurisdiction(), c.id());
    audit.record(
        AuditEntry.of(
                "CLASSIFICATION_APPROVED",
                "ProductClassification",
                c.id(),
                "Approved "
                    + c.jurisdiction()
                    + " "
                    + c.itemCode()
                    + " for "
                    + p.partNumber()
                    + " (proposed by "
                    + c.proposedBy()
                    + ", approved by "
                    + user.getUsername()
                    + (superseded > 0 ? "; superseded " + superseded + " earlier" : "")
                    + ")")
            .withStates("status=PROPOSED", "status=APPROVED"));
    return store.classification(p.id(), c.id()).orElseThrow();
  }

  /** Rejects a proposal with a reason; like approval, it is another officer's decision. */
  @Transactional
  public ProductClassification reject(
      long productId, long classificationId, String reason, SignedInUser user) {
    requireOfficer(user);
    Product p = product(productId, user);
    ProductClassification c = proposal(p, classificationId);
    String why = InvalidRequestException.requireText("reason", reason, 4000);
    if (c.proposedById() == user.userId()) {
      throw new ForbiddenException(
          "Four-eyes rule: a second export control officer must decide a classification you"
              + " proposed");
    }
    store.decide(c.id(), ClassificationStatus.REJECTED, user.userId(), user.getUsername(), why);
    audit.record(
        AuditEntry.of(
                "CLASSIFICATION_REJECTED",
                "ProductClassification",
                c.id(),
                "Rejected "
                    + c.jurisdiction()
                    + " "
                    + c.itemCode()
                    + " for "
                    + p.partNumber()
                    + ": "
                    + why)
            .withStates("status=PROPOSED", "status=REJECTED"));
    return store.classification(p.id(), c.id()).orElseThrow();
  }

  /** Proposals to decide and approvals to re-check, in the user's organisation. */
  @Transactional(readOnly = true)
  public List<ReviewItem> reviewQueue(SignedInUser user) {
    List<ReviewItem> out = new ArrayList<>();
    for (ProductClassification c : store.awaitingReview(user.organisationScope())) {
      store.product(c.productId(), null).ifPresent(p -> out.add(new ReviewItem(p, c)));
    }
    return out;
  }

  private ProductClassification proposal(Product p, long classificationId) {
    ProductClassification c =
        store
            .classification(p.id(), classificationId)
            .orElseThrow(() -> new NotFoundException("No classification " + classificationId));
    if (c.status() != ClassificationStatus.PROPOSED) {
      throw new ConflictException(
          "Classification " + c.id() + " is " + c.status() + ", not awaiting a decision");
    }
    return c;
  }

  private static void requireOfficer(SignedInUser user) {
    if (!user.has(Role.EXPORT_CONTROL_OFFICER)) {
      throw new ForbiddenException("Only export control officers classify products");
    }
  }

  static String safeFileName(String fileName) {
    String n = fileName == null ? "" : fileName.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
    if (n.isEmpty() || n.equals(".") || n.equals("..")) {
      n = "document";
    }
    return n.length() > 200 ? n.substring(n.length() - 200) : n;
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  /**
   * The classification in force per jurisdiction: the approved one, or the one flagged for review
   * after a list change (still the last approved, marked so). Other modules (transactions,
   * licences) call this to determine a line for a product.
   */
  @Transactional(readOnly = true)
  public List<ProductClassification> classificationsInForce(
      long productId, Long organisationScope) {
    store
        .product(productId, organisationScope)
        .orElseThrow(() -> new NotFoundException("No product with id " + productId));
    Map<String, ProductClassification> out = new LinkedHashMap<>();
    for (ProductClassification c : store.classifications(productId)) {
      if (c.status() == ClassificationStatus.APPROVED
          || c.status() == ClassificationStatus.NEEDS_REVIEW) {
        out.putIfAbsent(c.jurisdiction(), c); // newest first
      }
    }
    return List.copyOf(out.values());
  }

  /**
   * Determines whether exporting the product needs a licence, using its classifications in force in
   * every jurisdiction (the strictest outcome wins).
   */
  @Transactional(readOnly = true)
  public Determination determine(
      long productId,
      String destination,
      String endUse,
      String activity,
      LocalDate asOf,
      SignedInUser user) {
    List<ProductClassification> inForce =
        classificationsInForce(productId, user.organisationScope());
    if (inForce.isEmpty()) {
      throw new InvalidRequestException(
          "product " + productId + " has no approved classification to determine with");
    }
    Map<String, String> classifications = new LinkedHashMap<>();
    inForce.forEach(c -> classifications.put(c.jurisdiction(), c.itemCode()));
    return catalogue.determine(
        new DeterminationInput(
                null, null, classifications, destination, endUse, activity, asOf, false)
            .toRequest());
  }
}
