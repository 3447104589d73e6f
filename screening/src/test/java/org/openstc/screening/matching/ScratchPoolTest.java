package org.openstc.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScratchPoolTest {

  @Test
  void aReleasedBufferIsReusedInsteadOfMakingANewOne() {
    AtomicInteger made = new AtomicInteger();
    ScratchPool<int[]> pool = new ScratchPool<>(2, () -> new int[made.incrementAndGet()]);
    int[] first = pool.acquire();
    pool.release(first);
    assertThat(pool.acquire()).isSameAs(first);
    assertThat(made).hasValue(1);
  }

  @Test
  void buffersInUseAreNeverHandedOutTwiceAndTheSurplusIsDropped() {
    AtomicInteger made = new AtomicInteger();
    ScratchPool<Object> pool = new ScratchPool<>(2, () -> new Object[] {made.incrementAndGet()});
    Object a = pool.acquire();
    Object b = pool.acquire();
    Object c = pool.acquire();
    assertThat(Set.of(a, b, c)).hasSize(3);
    pool.release(a);
    pool.release(b);
    pool.release(c);
    assertThat(pool.idle()).isEqualTo(2);
    assertThat(made).hasValue(3);
  }

  @Test
  void virtualThreadsShareAFewBuffersAndNeverTheSameOneAtOnce() throws Exception {
    AtomicInteger made = new AtomicInteger();
    // Each buffer flags itself taken without blocking, so no thread unmounts while it holds one
    // (a lock here would let thousands of virtual threads hold buffers at once).
    ScratchPool<AtomicBoolean> pool =
        new ScratchPool<>(
            4,
            () -> {
              made.incrementAndGet();
              return new AtomicBoolean();
            });
    AtomicInteger handedOutTwice = new AtomicInteger();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 20_000; i++) {
        executor.submit(() -> {
          AtomicBoolean buffer = pool.acquire();
          if (!buffer.compareAndSet(false, true)) {
            handedOutTwice.incrementAndGet();
          }
          buffer.set(false);
          pool.release(buffer);
        });
      }
    }
    assertThat(handedOutTwice).hasValue(0);
    // One buffer per thread would have made 20,000.
    assertThat(made.get()).isLessThan(100);
  }
}
