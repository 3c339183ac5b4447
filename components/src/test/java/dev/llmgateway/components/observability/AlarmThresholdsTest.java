package dev.llmgateway.components.observability;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlarmThresholdsTest {

    @Test
    void defaultsAreTheDocumentedValues() {
        AlarmThresholds t = AlarmThresholds.defaults();

        assertEquals(85, t.ecsCpuPercent());
        assertEquals(90, t.ecsMemoryPercent());
        assertEquals(10, t.alb5xxPer5Min());
        assertEquals(10, t.target5xxPer5Min());
        assertEquals(1, t.unhealthyHosts());
        assertEquals(30, t.p95LatencySeconds());
        assertEquals(80, t.dbCpuPercent());
        assertEquals(80, t.dbConnections());
        assertEquals(5L * 1024 * 1024 * 1024, t.dbFreeStorageBytes());
        assertEquals(256L * 1024 * 1024, t.dbFreeableMemoryBytes());
        assertEquals(90, t.dbAcuUtilizationPercent());
        assertEquals(3, t.evaluationPeriods());
    }

    @Test
    void percentageAbove100IsRejectedNamingTheField() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> AlarmThresholds.builder().dbCpuPercent(120).build());

        assertTrue(error.getMessage().startsWith("dbCpuPercent: 120.0"), error.getMessage());
    }

    @Test
    void zeroEvaluationPeriodsAreRejected() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> AlarmThresholds.builder().evaluationPeriods(0).build());

        assertTrue(error.getMessage().startsWith("evaluationPeriods"), error.getMessage());
    }
}
