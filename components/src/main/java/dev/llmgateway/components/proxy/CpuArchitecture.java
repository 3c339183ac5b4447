package dev.llmgateway.components.proxy;

/** CPU architecture of the Fargate tasks. */
public enum CpuArchitecture {
    /** Intel/AMD. */
    X86_64,
    /** Graviton, about 20% cheaper per vCPU-hour. */
    ARM64
}
