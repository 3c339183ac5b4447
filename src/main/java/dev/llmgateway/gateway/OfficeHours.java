package dev.llmgateway.gateway;

import dev.llmgateway.components.database.Database;
import dev.llmgateway.components.database.DatabaseEngine;
import dev.llmgateway.components.proxy.ProxyService;
import dev.llmgateway.components.vpc.Network;
import dev.llmgateway.gateway.settings.OfficeHoursSettings;
import dev.llmgateway.gateway.settings.ProxySettings;

/**
 * Runs the gateway only in office hours: Application Auto Scaling scheduled actions set the service's task
 * range to 0..0 at the end of the hours and back to the configured range at their start, and an RDS instance
 * is started (a quarter of an hour earlier, so the database is up when the first task migrates) and stopped
 * by EventBridge Scheduler, and so is a NAT instance (with the database, so image pulls and model calls have their way
 * out when the first task starts; stopped, it costs only its root volume and its public address is released).
 * Aurora Serverless v2 with minimum 0 needs nothing: with no task connected it pauses by itself after its auto-pause
 * delay. Outside the hours the gateway answers nothing.
 */
final class OfficeHours {

    /** Minutes the database and the NAT instance start before the tasks (RDS start typically takes a few minutes). */
    static final int DATABASE_LEAD_MINUTES = 15;

    private OfficeHours() {
    }

    /** Schedules the proxy and, when the stack has them, an RDS instance and the NAT instance. */
    static void apply(OfficeHoursSettings hours, ProxySettings p, ProxyService proxy, Database database, Network network) {
        proxy.scaleOnSchedule("office-start", hours.startCron(), hours.zone(), p.minTasks(), p.maxTasks());
        proxy.scaleOnSchedule("office-stop", hours.stopCron(), hours.zone(), 0, 0);
        if (database.engine() == DatabaseEngine.RDS_INSTANCE) {
            database.runOnSchedule(hours.startCron(DATABASE_LEAD_MINUTES), hours.stopCron(), hours.zone());
        }
        network.runOnSchedule(hours.startCron(DATABASE_LEAD_MINUTES), hours.stopCron(), hours.zone());
    }
}
