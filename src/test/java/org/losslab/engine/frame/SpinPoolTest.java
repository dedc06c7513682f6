package org.losslab.engine.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SpinPoolTest {
    @Test
    void aTaskThatThrowsReachesTheCallerAndTheHelperServesTheNextBatches() throws Exception {
        SpinPool pool = new SpinPool(1);
        // both tasks wait for each other: the batch can finish only if the helper runs one of them
        CountDownLatch both = new CountDownLatch(2);
        Runnable meet = () -> {
            both.countDown();
            try {
                assertTrue(both.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalArgumentException("broken task");
        };
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> pool.run(meet, meet));
        assertEquals("broken task", thrown.getMessage());
        // the helper survived: a batch that needs two threads at once still completes
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch again = new CountDownLatch(2);
        Runnable rendezvous = () -> {
            threads.add(Thread.currentThread().getName());
            again.countDown();
            try {
                assertTrue(again.await(10, TimeUnit.SECONDS), "the helper did not take a task");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            ran.incrementAndGet();
        };
        pool.run(rendezvous, rendezvous);
        assertEquals(2, ran.get());
        assertEquals(2, threads.size(), "caller and helper: " + threads);
    }

    @Test
    void anIdleHelperParksInsteadOfSpinning() throws Exception {
        SpinPool pool = new SpinPool(1);
        pool.run(() -> { }, () -> { });
        Thread.sleep(200); // well past the millisecond of spinning after a batch
        Thread helper = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("losslab-frame-helper") && t.getState() == Thread.State.WAITING)
                .findAny().orElse(null);
        assertTrue(helper != null, "a helper is parked (WAITING) while idle");
    }

    /** What a batch's tasks computed on is garbage once the batch is done (a pool kept a 4096 x 4096 frame alive). */
    @Test
    void aFinishedBatchKeepsNothingItsTasksReferTo() throws Exception {
        SpinPool pool = new SpinPool(1);
        WeakReference<long[]> data = runOnPool(pool);
        for (int attempt = 0; attempt < 50 && data.get() != null; attempt++) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(data.get() == null, "the pool still holds the last batch's data");
    }

    private static WeakReference<long[]> runOnPool(SpinPool pool) {
        long[] big = new long[1 << 20];
        AtomicInteger sum = new AtomicInteger();
        Runnable touch = () -> sum.addAndGet((int) big[7] + 1);
        pool.run(touch, touch, touch, touch);
        assertEquals(4, sum.get());
        return new WeakReference<>(big);
    }
}
