package org.echoic.rnnrbm;

import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J backend in use and its thread settings. Training runs its many small sequential ops with one
 * OpenMP thread (spin-waiting threads slow small ops 2–5×) and its large matrix products with BLAS threads.
 * Stateless apart from ND4J's global settings; call from one thread.
 */
public final class ComputeBackend {
    private ComputeBackend() {
    }

    /** A short description: backend class and op executioner, e.g. "CpuBackend / NativeOpExecutioner". */
    public static String describe() {
        return Nd4j.getBackend().getClass().getSimpleName() + " / "
                + Nd4j.getExecutioner().getClass().getSimpleName();
    }

    /** True when the CPU backend runs. */
    public static boolean isCpu() {
        return Nd4j.getBackend().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT).contains("cpu");
    }

    /**
     * Sets the OpenMP threads of element-wise ops and the BLAS threads of matrix products.
     *
     * @param elementwiseThreads OpenMP threads (1 is best for the small sequential ops)
     * @param blasThreads        BLAS threads for the large products (the core count is best)
     */
    public static void setThreads(int elementwiseThreads, int blasThreads) {
        Nd4j.getEnvironment().setMaxThreads(elementwiseThreads);
        Nd4j.getEnvironment().setMaxMasterThreads(elementwiseThreads);
        Nd4j.factory().blas().setMaxThreads(blasThreads);
    }

    /** The thread settings measured best for training on this kind of machine (see README). */
    public static void configureForTraining() {
        setThreads(1, Runtime.getRuntime().availableProcessors());
    }

    /** Current [OpenMP, BLAS] thread counts (OpenMP: the master-thread limit that element-wise ops use). */
    public static int[] threads() {
        return new int[] {Nd4j.getEnvironment().maxMasterThreads(), Nd4j.factory().blas().getMaxThreads()};
    }
}
