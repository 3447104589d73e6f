package org.openstc.screening.matching;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A few reusable working buffers shared by all threads. The server runs each request on a new
 * virtual thread, so per-thread buffers ({@link ThreadLocal}) would be allocated afresh for every
 * query: megabytes of garbage per screening and the GC pauses that follow. A query takes a buffer,
 * uses it without blocking and gives it back; when all are taken a new one is made, and one given
 * back to a full pool is left to the collector.
 */
final class ScratchPool<T> {

  private final AtomicReferenceArray<T> slots;
  private final Supplier<T> factory;

  ScratchPool(Supplier<T> factory) {
    this(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), factory);
  }

  ScratchPool(int size, Supplier<T> factory) {
    this.slots = new AtomicReferenceArray<>(size);
    this.factory = factory;
  }

  /** A buffer for the caller's exclusive use until {@link #release}. */
  T acquire() {
    for (int i = 0; i < slots.length(); i++) {
      T t = slots.get(i);
      if (t != null && slots.compareAndSet(i, t, null)) {
        return t;
      }
    }
    return factory.get();
  }

  /** Gives a buffer back; the caller must not use it afterwards. */
  void release(T t) {
    for (int i = 0; i < slots.length(); i++) {
      if (slots.get(i) == null && slots.compareAndSet(i, null, t)) {
        return;
      }
    }
  }

  /** How many buffers are waiting to be reused (for tests). */
  int idle() {
    int n = 0;
    for (int i = 0; i < slots.length(); i++) {
      n += slots.get(i) == null ? 0 : 1;
    }
    return n;
  }
}
