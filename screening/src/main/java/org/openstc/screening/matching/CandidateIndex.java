package org.openstc.screening.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory retrieval structure behind a {@link Screener}: a vocabulary of every significant
 * list token (and of adjacent-token joins and acronyms), each with the names that hold it, found by
 * exact lookup, by phonetic skeleton and by a deletion neighbourhood (every string reachable by up
 * to two deletions, hashed and kept in one sorted {@code long[]}). Any two tokens within the
 * scorer's edit budget share a deletion neighbour, so retrieval finds every token the scorer could
 * align; the screener's upper bound on the name score then prunes without losing a hit. Immutable
 * after construction.
 */
final class CandidateIndex {

  /** Strings longer than this get single deletions only (two would cost too much memory). */
  static final int FULL_DELETION_LENGTH = 20;

  final String[] vocab;
  final String[] vocabSkeleton;
  final long[] vocabSignature;
  final boolean[] vocabNumber;

  /** Entries that are two list tokens joined (an alignment with them absorbs two list tokens). */
  final boolean[] vocabJoin;

  final int[][] postings;
  private final Map<String, Integer> vocabIds;
  private final Map<String, int[]> bySkeleton;

  /** (hash of a deletion variant) << 32 | vocabulary id, sorted unsigned. */
  private final long[] deletions;

  /** Start of each bucket of the top {@link #BUCKET_BITS} hash bits in {@link #deletions}. */
  private final int[] bucketStart;

  private static final int BUCKET_BITS = 20;

  CandidateIndex(List<NormalName[]> slotForms) {
    Map<String, Integer> ids = new HashMap<>();
    List<String> words = new ArrayList<>();
    List<IntList> posts = new ArrayList<>();
    List<Boolean> numbers = new ArrayList<>();
    java.util.Set<String> joins = new java.util.HashSet<>();
    java.util.Set<String> plainTokens = new java.util.HashSet<>();
    for (int slot = 0; slot < slotForms.size(); slot++) {
      for (NormalName f : slotForms.get(slot)) {
        for (int i = 0; i < f.tokens.length; i++) {
          if (f.kinds[i].significant()) {
            add(ids, words, posts, numbers, f.tokens[i], slot, f.kinds[i] == TokenKind.NUMBER);
            plainTokens.add(f.tokens[i]);
          }
        }
        for (String join : f.pairJoins) {
          if (join != null) {
            add(ids, words, posts, numbers, join, slot, false);
            joins.add(join);
          }
        }
        if (f.acronym != null && f.acronym.length() >= 3) {
          add(ids, words, posts, numbers, f.acronym, slot, false);
          plainTokens.add(f.acronym);
        }
      }
    }
    int n = words.size();
    vocab = words.toArray(new String[0]);
    vocabSkeleton = new String[n];
    vocabSignature = new long[n];
    vocabNumber = new boolean[n];
    vocabJoin = new boolean[n];
    postings = new int[n][];
    Map<String, IntList> skel = new HashMap<>();
    LongList dels = new LongList(n * 24);
    for (int v = 0; v < n; v++) {
      postings[v] = posts.get(v).toArray();
      vocabNumber[v] = numbers.get(v);
      vocabSignature[v] = EditDistance.letterSignature(vocab[v]);
      vocabJoin[v] = joins.contains(vocab[v]);
      if (vocabNumber[v]) {
        continue;
      }
      String sk = PhoneticSkeleton.of(vocab[v]);
      vocabSkeleton[v] = sk;
      if (sk != null && sk.length() >= 3) {
        skel.computeIfAbsent(sk, k -> new IntList()).add(v);
      }
      final int id = v;
      // An entry that is only ever a join is aligned within one edit: one deletion suffices.
      int depth = plainTokens.contains(vocab[v]) ? 2 : 1;
      forEachDeletionHash(vocab[v], depth, h -> dels.add(((long) h << 32) | (id & 0xffffffffL)));
    }
    deletions = dels.sortedDistinct();
    bucketStart = new int[(1 << BUCKET_BITS) + 1];
    int b = 0;
    for (int k = 0; k < deletions.length; k++) {
      int bucket = (int) (deletions[k] >>> (64 - BUCKET_BITS));
      while (b <= bucket) {
        bucketStart[b++] = k;
      }
    }
    while (b <= 1 << BUCKET_BITS) {
      bucketStart[b++] = deletions.length;
    }
    bySkeleton = new HashMap<>(skel.size() * 2);
    skel.forEach((k, v) -> bySkeleton.put(k, v.toArray()));
    vocabIds = ids;
  }

  private static void add(
      Map<String, Integer> ids,
      List<String> words,
      List<IntList> posts,
      List<Boolean> numbers,
      String token,
      int slot,
      boolean number) {
    Integer id = ids.get(token);
    if (id == null) {
      id = words.size();
      ids.put(token, id);
      words.add(token);
      posts.add(new IntList());
      numbers.add(number);
    }
    IntList p = posts.get(id);
    if (p.size == 0 || p.data[p.size - 1] != slot) {
      p.add(slot);
    }
  }

  int size() {
    return vocab.length;
  }

  /** The vocabulary id of an exact token, or -1. */
  int exact(String token) {
    Integer id = vocabIds.get(token);
    return id == null ? -1 : id;
  }

  /** Vocabulary ids sharing a phonetic skeleton, or null. */
  int[] bySkeleton(String skeleton) {
    return skeleton == null ? null : bySkeleton.get(skeleton);
  }

  /** Calls {@code sink} with every vocabulary id sharing a deletion variant with the token. */
  void forEachNeighbour(String token, int depth, java.util.function.IntConsumer sink) {
    forEachDeletionHash(
        token,
        depth,
        h -> {
          long key = h & 0xffffffffL;
          int bucket = (int) (key >>> (32 - BUCKET_BITS));
          int end = bucketStart[bucket + 1];
          for (int k = bucketStart[bucket]; k < end; k++) {
            long high = deletions[k] >>> 32;
            if (high == key) {
              sink.accept((int) deletions[k]);
            } else if (high > key) {
              break;
            }
          }
        });
  }

  /**
   * Hashes of the string and of the strings made from it by deletions: none for strings of up to
   * two characters, one for three or four, two from five. Within the scorer's edit budget (one edit
   * up to four characters, two from five) the shorter side of a pair never needs more, so two
   * tokens the scorer could align always share a hash, while the one-letter residues that would
   * match half the vocabulary are never produced.
   */
  static void forEachDeletionHash(String s, int depth, java.util.function.IntConsumer sink) {
    int n = s.length();
    sink.accept(hashSkipping(s, -1, -1));
    if (n <= 2) {
      return;
    }
    boolean two = depth >= 2 && n >= 5 && n <= FULL_DELETION_LENGTH;
    for (int i = 0; i < n; i++) {
      if (i > 0 && s.charAt(i) == s.charAt(i - 1)) {
        continue; // deleting either of two equal neighbours gives the same string
      }
      sink.accept(hashSkipping(s, i, -1));
      if (!two) {
        continue;
      }
      for (int j = i + 1; j < n; j++) {
        if (j > i + 1 && s.charAt(j) == s.charAt(j - 1)) {
          continue;
        }
        sink.accept(hashSkipping(s, i, j));
      }
    }
  }

  private static int hashSkipping(String s, int skip1, int skip2) {
    int h = 0x811c9dc5;
    int len = 0;
    for (int k = 0; k < s.length(); k++) {
      if (k == skip1 || k == skip2) {
        continue;
      }
      h ^= s.charAt(k);
      h *= 0x01000193;
      len++;
    }
    h ^= len * 0x9e3779b9;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }

  /** A growable int array (avoids boxing at build time). */
  static final class IntList {
    int[] data = new int[4];
    int size;

    void add(int v) {
      if (size == data.length) {
        data = Arrays.copyOf(data, size * 2);
      }
      data[size++] = v;
    }

    int[] toArray() {
      return Arrays.copyOf(data, size);
    }
  }

  /** A growable long array. */
  static final class LongList {
    long[] data;
    int size;

    LongList(int capacity) {
      data = new long[Math.max(16, capacity)];
    }

    void add(long v) {
      if (size == data.length) {
        data = Arrays.copyOf(data, size + (size >> 1));
      }
      data[size++] = v;
    }

    long[] sortedDistinct() {
      long[] a = Arrays.copyOf(data, size);
      // Unsigned order on the hash half: flip the sign bit, sort signed, flip back.
      for (int i = 0; i < a.length; i++) {
        a[i] ^= Long.MIN_VALUE;
      }
      Arrays.parallelSort(a);
      int w = 0;
      for (int i = 0; i < a.length; i++) {
        if (w == 0 || a[i] != a[w - 1]) {
          a[w++] = a[i];
        }
      }
      for (int i = 0; i < w; i++) {
        a[i] ^= Long.MIN_VALUE;
      }
      return Arrays.copyOf(a, w);
    }
  }
}
