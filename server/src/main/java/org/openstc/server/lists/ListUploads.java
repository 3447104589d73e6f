package org.openstc.server.lists;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openstc.server.audit.Actor;
import org.openstc.server.problems.InvalidRequestException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Turns uploaded files into an import: one file is one list; several files together are an OFAC CSV
 * set (sdn.csv, add.csv, alt.csv, sdn_comments.csv) and become one list.
 */
@Component
class ListUploads {

  private final WatchlistImports imports;
  private final ListsProperties properties;

  ListUploads(WatchlistImports imports, ListsProperties properties) {
    this.imports = imports;
    this.properties = properties;
  }

  /** Thrown when the upload exceeds {@code stc.lists.max-upload-size}. */
  static final class TooLarge extends RuntimeException {
    TooLarge(String message) {
      super(message);
    }
  }

  ImportOutcome importUpload(List<MultipartFile> files, String source, Actor actor) {
    List<MultipartFile> real =
        files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
    if (real.isEmpty()) {
      throw new InvalidRequestException("file: choose a list file to upload");
    }
    long size = real.stream().mapToLong(MultipartFile::getSize).sum();
    long limit = properties.maxUploadSize().toBytes();
    if (size > limit) {
      throw new TooLarge(
          "The upload has "
              + size
              + " bytes; lists of at most "
              + limit
              + " bytes are accepted (stc.lists.max-upload-size). Use ./stc lists import for"
              + " larger files.");
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("stc-upload-");
      for (MultipartFile file : real) {
        file.transferTo(dir.resolve(safeName(file.getOriginalFilename())));
      }
      String shown =
          String.join(" + ", real.stream().map(f -> safeName(f.getOriginalFilename())).toList());
      Path what =
          real.size() == 1 ? dir.resolve(safeName(real.getFirst().getOriginalFilename())) : dir;
      return imports.importFile(
          what,
          shown,
          source == null || source.isBlank() ? null : source,
          actor,
          ImportProgress.NONE);
    } catch (IOException e) {
      throw new InvalidRequestException("file: the upload could not be stored: " + e.getMessage());
    } finally {
      delete(dir);
    }
  }

  /** The file name without any path (browsers may send one) and without odd characters. */
  static String safeName(String original) {
    String name = original == null ? "" : original;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[^A-Za-z0-9._-]", "_");
    if (name.isBlank() || name.startsWith(".")) {
      name = "upload" + name;
    }
    return name.length() > 120 ? name.substring(name.length() - 120) : name;
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless; the OS cleans it.
    }
  }
}
