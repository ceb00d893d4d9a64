package nl.dunwise.bench;

import java.util.Arrays;

/** Wall-clock timing of a piece of work repeated a few times; the median resists one noisy run. */
final class Timing {

    private Timing() {
    }

    interface Work {
        void run() throws Exception;
    }

    static double medianSeconds(int repeats, Work before, Work work) throws Exception {
        double[] seconds = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            before.run();
            long start = System.nanoTime();
            work.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[repeats / 2];
    }
}
