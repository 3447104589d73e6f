package org.openstc.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TurnstileTest {

  @Test
  void admitsWaitersInArrivalOrder() throws Exception {
    List<Integer> order = new ArrayList<>();
    int mostInside = runTwelveWaiters(1, order);
    assertThat(order).containsExactlyElementsOf(IntStream.range(0, 12).boxed().toList());
    assertThat(mostInside).isEqualTo(1);
  }

  @Test
  void neverLetsInMoreThanItsPermits() throws Exception {
    List<Integer> order = new ArrayList<>();
    int mostInside = runTwelveWaiters(2, order);
    assertThat(mostInside).isBetween(1, 2);
    // Two admitted together may record themselves in either order (the exact order is checked
    // with one permit above): here every waiter gets in, and never more than two at once.
    assertThat(order).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 12).boxed().toList());
  }

  /**
   * Fills the turnstile's permits, queues twelve virtual threads one after the other, then lets
   * them in; each records itself when admitted. Returns the most that were ever inside at once.
   */
  private static int runTwelveWaiters(int permits, List<Integer> order) throws Exception {
    Turnstile turnstile = new Turnstile(permits, "test-turnstile");
    for (int p = 0; p < permits; p++) {
      turnstile.enter(); // every permit taken: everyone below must wait
    }
    List<Integer> admitted = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger mostInside = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      int me = i;
      threads.add(
          Thread.ofVirtual()
              .start(() -> {
                turnstile.enter();
                try {
                  mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                  admitted.add(me);
                  Thread.sleep(2);
                  inside.decrementAndGet();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  turnstile.leave();
                }
              }));
      while (turnstile.waiting() < i + 1) {
        Thread.onSpinWait();
      }
    }
    assertThat(admitted).isEmpty();
    for (int p = 0; p < permits; p++) {
      turnstile.leave();
    }
    for (Thread t : threads) {
      t.join(10_000);
    }
    assertThat(turnstile.waiting()).isZero();
    turnstile.close();
    order.addAll(admitted);
    return mostInside.get();
  }

  @Test
  void admitsEveryCallerInTurnWhenNobodyElseWaits() {
    Turnstile turnstile = new Turnstile(1, "test-turnstile-2");
    for (int i = 0; i < 1000; i++) {
      turnstile.enter();
      turnstile.leave();
    }
    assertThat(turnstile.waiting()).isZero();
  }

  @Test
  void needsAtLeastOnePermit() {
    assertThatThrownBy(() -> new Turnstile(0, "none")).isInstanceOf(IllegalArgumentException.class);
  }
}
