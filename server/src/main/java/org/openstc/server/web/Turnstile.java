package org.openstc.server.web;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * First come, first served admission for CPU-bound work on virtual threads: at most {@code permits}
 * callers inside at once, the others wait in arrival order.
 *
 * <p>Why a dispatcher thread: a waiter woken by the virtual thread that leaves would be queued on
 * that carrier's own task queue, which the JDK's scheduler serves before any other, and newly
 * arrived requests (started by Tomcat's poller on another queue) would wait behind every queued
 * waiter. Waking all waiters from one platform thread puts them on one queue, in order.
 *
 * <p>Why every caller waits for the dispatcher, even when a permit is free: a virtual thread that
 * went straight in kept its carrier, and Tomcat serves a kept-alive connection's next request on
 * the same thread when its bytes are already there. Under load two connections then ping-ponged
 * with their clients on the two carriers for 100 to 300 ms at a time (0.2 ms per request in the
 * server's access log) while the other 62 connections' requests sat unread. Parking once per
 * request hands the carrier to whoever is next.
 */
final class Turnstile {

  private final int permits;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
  private int inside;
  private final Thread dispatcher;
  private volatile boolean closed;

  private static final class Waiter {
    final Thread thread = Thread.currentThread();
    volatile boolean admitted;
  }

  Turnstile(int permits, String name) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be at least 1");
    }
    this.permits = permits;
    dispatcher = new Thread(this::dispatch, name);
    dispatcher.setDaemon(true);
    dispatcher.start();
  }

  /** Waits for the caller's turn; every {@code enter} must be followed by one {@link #leave}. */
  void enter() {
    Waiter me;
    lock.lock();
    try {
      if (closed) {
        inside++;
        return;
      }
      me = new Waiter();
      waiting.add(me);
      work.signal();
    } finally {
      lock.unlock();
    }
    boolean interrupted = false;
    while (!me.admitted) {
      LockSupport.park(this);
      interrupted |= Thread.interrupted();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  void leave() {
    lock.lock();
    try {
      inside--;
      if (!waiting.isEmpty()) {
        work.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** How many callers wait now (for tests and metrics). */
  int waiting() {
    lock.lock();
    try {
      return waiting.size();
    } finally {
      lock.unlock();
    }
  }

  /** Stops the dispatcher; callers that wait then are admitted at once. */
  void close() {
    closed = true;
    dispatcher.interrupt();
  }

  private void dispatch() {
    while (!closed) {
      Waiter next;
      lock.lock();
      try {
        while (waiting.isEmpty() || inside >= permits) {
          try {
            work.await();
          } catch (InterruptedException e) {
            if (closed) {
              waiting.forEach(w -> {
                w.admitted = true;
                LockSupport.unpark(w.thread);
              });
              waiting.clear();
              return;
            }
          }
        }
        next = waiting.poll();
        inside++;
      } finally {
        lock.unlock();
      }
      next.admitted = true;
      LockSupport.unpark(next.thread);
    }
  }
}
