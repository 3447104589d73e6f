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
  void admitsWaitersInArrivalOrderAndNeverMoreThanItsPermits() throws Exception {
    Turnstile turnstile = new Turnstile(2, "test-turnstile");
    turnstile.enter();
    turnstile.enter(); // both permits taken: everyone below must wait
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
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
                  order.add(me);
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
    assertThat(order).isEmpty();
    turnstile.leave();
    turnstile.leave();
    for (Thread t : threads) {
      t.join(10_000);
    }
    assertThat(order).containsExactlyElementsOf(IntStream.range(0, 12).boxed().toList());
    assertThat(mostInside.get()).isBetween(1, 2);
    assertThat(turnstile.waiting()).isZero();
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
