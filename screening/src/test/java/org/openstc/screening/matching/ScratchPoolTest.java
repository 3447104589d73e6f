package org.openstc.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
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
    ScratchPool<int[]> pool =
        new ScratchPool<>(
            4,
            () -> {
              made.incrementAndGet();
              return new int[1];
            });
    Set<int[]> inUse =
        Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 20_000; i++) {
        executor.submit(() -> {
          int[] buffer = pool.acquire();
          if (!inUse.add(buffer)) {
            failures.add(new AssertionError("buffer handed out twice"));
          }
          buffer[0]++;
          inUse.remove(buffer);
          pool.release(buffer);
        });
      }
    }
    assertThat(failures).isEmpty();
    // One buffer per thread would have made 20,000.
    assertThat(made.get()).isLessThan(1_000);
  }
}
