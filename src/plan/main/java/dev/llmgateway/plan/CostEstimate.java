package dev.llmgateway.plan;

import com.google.gson.JsonElement;
import dev.llmgateway.engine.PlannedResource;
import dev.llmgateway.engine.PlannedStack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.llmgateway.plan.PriceTable.HOURS_PER_MONTH;

/**
 * Estimates the monthly AWS bill of a planned stack from the resources' inputs and the
 * {@link PriceTable}: an "idle" column (deployed, no traffic) and a "typical" column (the
 * {@link UsageAssumptions}). Data transfer out, KMS requests and other per-request charges not in the table are left
 * out; the report says so per line.
 */
public final class CostEstimate {

    private static final String SERVICE = "aws:ecs/service:Service";
    private static final String TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
    private static final String SCALING_TARGET = "aws:appautoscaling/target:Target";
    private static final String EIP = "aws:ec2/eip:Eip";
    private static final String INSTANCE = "aws:ec2/instance:Instance";
    private static final String LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
    private static final String CLUSTER = "aws:rds/cluster:Cluster";
    private static final String CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
    private static final String DB_INSTANCE = "aws:rds/instance:Instance";
    private static final String SCHEDULED_ACTION = "aws:appautoscaling/scheduledAction:ScheduledAction";
    private static final String SCHEDULE = "aws:scheduler/schedule:Schedule";
    /**
     * Aurora Serverless v2 with minimum 0 ACU runs at 0.5 ACU at least while it is not paused, and it pauses
     * only after no connection for the whole auto-pause period (AWS Aurora User Guide, "Scaling to Zero ACUs
     * with automatic pause and resume"): LiteLLM's connection pool keeps it awake while a task runs.
     */
    private static final double AURORA_AWAKE_FLOOR_ACU = 0.5;

    private final PlannedStack stack;
    private final UsageAssumptions usage;
    private final List<CostLine> lines = new ArrayList<>();
    private final List<String> unpriced = new ArrayList<>();
    private final List<String> basis = new ArrayList<>();
    private final List<Commitment> commitments = new ArrayList<>();

    private CostEstimate(PlannedStack stack, UsageAssumptions usage) {
        this.stack = stack;
        this.usage = usage;
    }

    /** The estimate under {@link UsageAssumptions#DEFAULTS}. */
    public static CostReport of(PlannedStack stack) {
        return of(stack, UsageAssumptions.DEFAULTS);
    }

    /** The estimate under the given usage assumptions. */
    public static CostReport of(PlannedStack stack, UsageAssumptions usage) {
        CostEstimate estimate = new CostEstimate(stack, usage);
        estimate.fargate();
        estimate.loadBalancers();
        estimate.publicIpv4();
        estimate.natGateways();
        estimate.instances();
        estimate.aurora();
        estimate.rdsInstances();
        estimate.interfaceEndpoints();
        estimate.clientVpn();
        estimate.caches();
        estimate.cloudFront();
        estimate.waf();
        estimate.secretsAndKeys();
        estimate.observability();
        // An existing network's egress and endpoints are its owner's bill, shared with whatever else runs there.
        stack.networks().forEach(network -> estimate.unpriced.add("existing network " + network.vpcId()
                + ": its route out, interface endpoints and their data processing are billed to its owner"));
        // EFS storage is billed per GB stored (VictoriaMetrics' samples), which the plan cannot know.
        estimate.sorted("aws:efs/fileSystem:FileSystem").forEach(fs -> estimate.unpriced.add("EFS file system "
                + fs.name() + " (storage and its AWS Backup copies, per GB-month)"));
        return new CostReport(List.copyOf(estimate.lines), usage, List.copyOf(estimate.unpriced), List.copyOf(estimate.basis),
                List.copyOf(estimate.commitments));
    }

    private List<PlannedResource> sorted(String type) {
        return stack.ofType(type).stream().sorted(StackLinks.ORDER).toList();
    }

    private void add(String item, double quantity, String unit, double unitPrice, String priceUnit,
                     double idle, double typical, String assumption) {
        lines.add(new CostLine(item, quantity, unit, unitPrice, priceUnit, idle, typical, assumption));
    }

    /** A line whose idle and typical costs are the same: quantity x price x hours (or months). */
    private void fixed(String item, double quantity, String unit, double unitPrice, String priceUnit,
                       double hours, String assumption) {
        double monthly = quantity * unitPrice * hours;
        add(item, quantity, unit, unitPrice, priceUnit, monthly, monthly, assumption);
    }

    private void fargate() {
        List<PlannedResource> definitions = stack.ofType(TASK_DEFINITION);
        for (PlannedResource service : sorted(SERVICE)) {
            List<PlannedResource> linked = StackLinks.dependencies(stack, service, TASK_DEFINITION);
            PlannedResource definition = !linked.isEmpty() ? linked.get(0)
                    : definitions.size() == 1 ? definitions.get(0) : null;
            if (definition == null) {
                unpriced.add("ECS service " + service.name() + ": no task definition found");
                continue;
            }
            double tasks = StackLinks.number(service, "desiredCount").orElse(0.0);
            double vcpu = StackLinks.number(definition, "cpu").orElse(0.0) / 1024;
            double gb = StackLinks.number(definition, "memory").orElse(0.0) / 1024;
            boolean arm = StackLinks.text(definition, "runtimePlatform.cpuArchitecture")
                    .map("ARM64"::equalsIgnoreCase).orElse(false);
            double spot = spotShare(service, tasks);
            double discount = 1 - PriceTable.FARGATE_SPOT_DISCOUNT.usd() * spot;
            double maxTasks = scalingMax(service).orElse(tasks);
            Running running = serviceHours(service);
            double extraHours = maxTasks > tasks ? Math.min(usage.busyHoursPerMonth(), running.hours()) : 0;
            String shape = String.format(Locale.ROOT, "%s, %.0f%% Spot", arm ? "ARM64" : "x86", spot * 100);
            basis.add(CostReport.number(tasks) + " task(s) of " + service.name() + " x " + running.brief() + ", " + shape);
            String assumption = CostReport.number(tasks) + " desired task(s) x " + running.describe() + "; typical: "
                    + (extraHours > 0 ? "one more task for " + CostReport.number(extraHours)
                    + " busy h (autoscaling max " + CostReport.number(maxTasks) + ")" : "the same (no autoscaling above desired)")
                    + "; " + (arm ? "ARM" : "x86") + " list price, Spot " + CostReport.number(PriceTable.FARGATE_SPOT_DISCOUNT.usd() * 100)
                    + "% off";
            double vcpuPrice = (arm ? PriceTable.FARGATE_ARM_VCPU_HOUR.usd() : PriceTable.FARGATE_X86_VCPU_HOUR.usd()) * discount;
            double gbPrice = (arm ? PriceTable.FARGATE_ARM_GB_HOUR.usd() : PriceTable.FARGATE_X86_GB_HOUR.usd()) * discount;
            add("Fargate vCPU: " + service.name() + " (" + shape + ")", vcpu * tasks, "vCPU", vcpuPrice, "vCPU-h",
                    vcpu * tasks * running.hours() * vcpuPrice,
                    vcpu * (tasks * running.hours() + extraHours) * vcpuPrice, assumption);
            add("Fargate memory: " + service.name() + " (" + shape + ")", gb * tasks, "GB", gbPrice, "GB-h",
                    gb * tasks * running.hours() * gbPrice,
                    gb * (tasks * running.hours() + extraHours) * gbPrice, assumption);
            double onDemandTasks = tasks * (1 - spot);
            if (!running.scheduled() && onDemandTasks > 0) {
                double hourly = onDemandTasks * (vcpu * (arm ? PriceTable.FARGATE_ARM_VCPU_HOUR : PriceTable.FARGATE_X86_VCPU_HOUR).usd()
                        + gb * (arm ? PriceTable.FARGATE_ARM_GB_HOUR : PriceTable.FARGATE_X86_GB_HOUR).usd());
                commitments.add(new Commitment("Fargate: " + service.name() + ", " + CostReport.number(onDemandTasks)
                        + " on-demand task(s)", hourly * HOURS_PER_MONTH, PriceTable.COMPUTE_SAVINGS_PLAN_FARGATE, 36));
            }
        }
    }

    /**
     * Hours per month something runs and how often it stops.
     *
     * @param hours         running hours per month
     * @param stopsPerMonth switches from running to stopped per month
     * @param scheduled     true when scheduled actions decide it, false when it runs all month
     */
    private record Running(double hours, double stopsPerMonth, boolean scheduled) {
        static final Running ALWAYS = new Running(HOURS_PER_MONTH, 0, false);

        static Running of(List<WeeklySchedule.Switch> switches) {
            return WeeklySchedule.of(switches)
                    .map(w -> new Running(w.hoursPerMonth(), w.stopsPerWeek() * WeeklySchedule.WEEKS_PER_MONTH, true))
                    .orElse(ALWAYS);
        }

        String describe() {
            return scheduled ? CostReport.number(hours) + " scheduled h" : "730 h";
        }

        String brief() {
            return scheduled ? Math.round(hours) + " h (office hours)" : "730 h";
        }
    }

    /**
     * When a service runs: scheduled actions on its scaling target that set the maximum to 0 stop it, others
     * start it; without scheduled actions (or with a cron this estimate cannot read) it runs all month.
     */
    private Running serviceHours(PlannedResource service) {
        List<PlannedResource> targets = scalingTargets(service);
        List<PlannedResource> actions = stack.ofType(SCHEDULED_ACTION).stream()
                .filter(a -> targets.stream().anyMatch(t -> a.dependencies().contains(t.urn()))
                        || targets.size() == 1 && stack.ofType(SCALING_TARGET).size() == 1)
                .toList();
        return Running.of(actions.stream().map(a -> new WeeklySchedule.Switch(StackLinks.text(a, "schedule").orElse(""),
                StackLinks.number(a, "scalableTargetAction.maxCapacity").orElse(1.0) > 0)).toList());
    }

    /** The hours in which at least one ECS service runs tasks (the longest-running service). */
    private Running anyServiceHours() {
        return sorted(SERVICE).stream().map(this::serviceHours)
                .max(java.util.Comparator.comparingDouble(Running::hours))
                .orElse(new Running(0, 0, true));
    }

    /** When an RDS instance runs: EventBridge Scheduler schedules that call RDS StartDBInstance / StopDBInstance on it. */
    private Running instanceHours(PlannedResource db) {
        return scheduled(db, ":startDBInstance", ":stopDBInstance", DB_INSTANCE);
    }

    /**
     * When a resource runs that EventBridge Scheduler starts and stops through universal targets ending in
     * {@code start} and {@code stop} (linked by dependency, or the only resource of its type); all month without.
     */
    private Running scheduled(PlannedResource resource, String start, String stop, String type) {
        List<PlannedResource> schedules = stack.ofType(SCHEDULE).stream()
                .filter(s -> StackLinks.text(s, "target.arn").map(a -> a.endsWith(start) || a.endsWith(stop)).orElse(false))
                .filter(s -> s.dependencies().contains(resource.urn()) || stack.ofType(type).size() == 1)
                .toList();
        return Running.of(schedules.stream().map(s -> new WeeklySchedule.Switch(
                StackLinks.text(s, "scheduleExpression").orElse(""),
                StackLinks.text(s, "target.arn").orElse("").endsWith(start))).toList());
    }

    /** Share of a service's tasks on FARGATE_SPOT: bases first, the rest by weight. */
    private static double spotShare(PlannedResource service, double tasks) {
        List<?> strategies = service.list("capacityProviderStrategies");
        double remaining = tasks;
        double spot = 0;
        double totalWeight = 0;
        double spotWeight = 0;
        for (Object entry : strategies) {
            Map<?, ?> strategy = (Map<?, ?>) entry;
            boolean isSpot = "FARGATE_SPOT".equals(strategy.get("capacityProvider"));
            double base = strategy.get("base") instanceof Number n ? Math.min(n.doubleValue(), remaining) : 0;
            double weight = strategy.get("weight") instanceof Number n ? n.doubleValue() : 0;
            remaining -= base;
            spot += isSpot ? base : 0;
            totalWeight += weight;
            spotWeight += isSpot ? weight : 0;
        }
        if (totalWeight > 0) {
            spot += remaining * spotWeight / totalWeight;
        }
        if (tasks > 0) {
            return spot / tasks;
        }
        return totalWeight > 0 ? spotWeight / totalWeight : 0;
    }

    /** The autoscaling maximum of a service's desired count, when a scaling target uses the service. */
    private java.util.Optional<Double> scalingMax(PlannedResource service) {
        return scalingTargets(service).stream().findFirst().flatMap(t -> StackLinks.number(t, "maxCapacity"));
    }

    /** The scaling targets of a service's desired count (linked by dependency; the only one when unambiguous). */
    private List<PlannedResource> scalingTargets(PlannedResource service) {
        List<PlannedResource> targets = stack.ofType(SCALING_TARGET).stream()
                .filter(t -> "ecs:service:DesiredCount".equals(t.input("scalableDimension").orElse(null))).toList();
        List<PlannedResource> linked = targets.stream().filter(t -> t.dependencies().contains(service.urn())).toList();
        return !linked.isEmpty() ? linked
                : targets.size() == 1 && stack.ofType(SERVICE).size() == 1 ? targets : List.of();
    }

    private void loadBalancers() {
        for (PlannedResource lb : sorted(LOAD_BALANCER)) {
            String kind = StackLinks.text(lb, "loadBalancerType").orElse("application");
            if (!kind.equals("application")) {
                unpriced.add("load balancer " + lb.name() + " of type " + kind);
                continue;
            }
            basis.add("ALB all month");
            fixed("ALB hours: " + lb.name(), 1, "ALB", PriceTable.ALB_HOUR.usd(), "h", HOURS_PER_MONTH,
                    "runs all month");
            add("ALB LCUs: " + lb.name(), usage.albLcu(), "LCU", PriceTable.ALB_LCU_HOUR.usd(), "LCU-h", 0,
                    usage.albLcu() * usage.busyHoursPerMonth() * PriceTable.ALB_LCU_HOUR.usd(),
                    "idle: none; typical: " + CostReport.number(usage.albLcu()) + " LCU for "
                            + CostReport.number(usage.busyHoursPerMonth()) + " busy h");
        }
    }

    /**
     * Public IPv4 addresses: Elastic IPs all month, an instance's own address while the instance runs (AWS releases
     * it when the instance stops), one per subnet of an internet-facing load balancer all month.
     */
    private void publicIpv4() {
        long eips = stack.ofType(EIP).size();
        List<PlannedResource> instances = stack.ofType(INSTANCE).stream()
                .filter(i -> i.flag("associatePublicIpAddress"))
                .filter(i -> StackLinks.dependents(stack, i, EIP).isEmpty()).toList();
        long albNodes = stack.ofType(LOAD_BALANCER).stream().filter(lb -> !lb.flag("internal"))
                .mapToLong(lb -> Math.max(lb.list("subnets").size(), lb.list("subnetMappings").size())).sum();
        long total = eips + instances.size() + albNodes;
        if (total == 0) {
            return;
        }
        double instanceHours = instances.stream().mapToDouble(i -> ec2Hours(i).hours()).sum();
        double hours = (eips + albNodes) * HOURS_PER_MONTH + instanceHours;
        double monthly = hours * PriceTable.PUBLIC_IPV4_HOUR.usd();
        add("Public IPv4 addresses", total, "address", PriceTable.PUBLIC_IPV4_HOUR.usd(), "h", monthly, monthly,
                eips + " Elastic IP(s) and " + albNodes + " internet-facing ALB node(s) (1 per subnet/AZ) x 730 h, "
                        + instances.size() + " instance public IP(s) while the instance runs ("
                        + CostReport.number(instanceHours) + " h)");
    }

    private void natGateways() {
        int gateways = stack.ofType("aws:ec2/natGateway:NatGateway").size();
        if (gateways == 0) {
            return;
        }
        fixed("NAT gateway hours", gateways, "gateway", PriceTable.NAT_GATEWAY_HOUR.usd(), "h", HOURS_PER_MONTH,
                "runs all month");
        add("NAT gateway data", gateways * usage.natGbPerMonth(), "GB", PriceTable.NAT_GATEWAY_GB.usd(), "GB", 0,
                gateways * usage.natGbPerMonth() * PriceTable.NAT_GATEWAY_GB.usd(),
                "idle: none; typical: " + CostReport.number(usage.natGbPerMonth()) + " GB per gateway (text prompts/completions)");
    }

    /** EC2 instances (the NAT instance) for the hours they run, and their root volumes all month. */
    private void instances() {
        for (PlannedResource instance : sorted(INSTANCE)) {
            String type = StackLinks.text(instance, "instanceType").orElse("?");
            boolean nat = instance.input("sourceDestCheck").map(Boolean.FALSE::equals).orElse(false);
            String item = (nat ? "NAT instance: " : "EC2 instance: ") + instance.name() + " (" + type + ")";
            Running running = ec2Hours(instance);
            if (running.scheduled()) {
                basis.add((nat ? "NAT instance " : "EC2 instance ") + type + " x " + running.brief());
            }
            PriceTable.ec2InstanceHour(type).ifPresentOrElse(
                    price -> fixed(item, 1, "instance", price.usd(), "h", running.hours(), running.scheduled()
                            ? "started and stopped by EventBridge Scheduler: " + running.describe()
                            : "runs all month"),
                    () -> unpriced.add(item));
            String volumeType = StackLinks.text(instance, "rootBlockDevice.volumeType").orElse("gp3");
            Optional<Double> size = StackLinks.number(instance, "rootBlockDevice.volumeSize");
            if (!"gp3".equals(volumeType) || size.isEmpty()) {
                unpriced.add("root volume of " + instance.name() + " (" + volumeType + ", "
                        + size.map(CostReport::number).orElse("the AMI's") + " GB)");
                continue;
            }
            fixed("EBS root volume: " + instance.name() + " (gp3)", size.get(), "GB", PriceTable.EBS_GP3_GB_MONTH.usd(),
                    "GB-month", 1, "billed while the instance is stopped too");
        }
    }

    /** When an EC2 instance runs: EventBridge Scheduler schedules that call EC2 StartInstances / StopInstances on it. */
    private Running ec2Hours(PlannedResource instance) {
        return scheduled(instance, ":startInstances", ":stopInstances", INSTANCE);
    }

    private void aurora() {
        List<PlannedResource> clusters = sorted(CLUSTER).stream()
                .filter(c -> StackLinks.text(c, "engine").map(e -> e.startsWith("aurora")).orElse(false)).toList();
        for (PlannedResource cluster : clusters) {
            List<PlannedResource> members = StackLinks.dependents(stack, cluster, CLUSTER_INSTANCE);
            if (members.isEmpty() && clusters.size() == 1) {
                members = stack.ofType(CLUSTER_INSTANCE);
            }
            long serverless = members.stream()
                    .filter(m -> "db.serverless".equals(m.input("instanceClass").orElse(null))).count();
            members.stream().filter(m -> !"db.serverless".equals(m.input("instanceClass").orElse(null)))
                    .sorted(StackLinks.ORDER)
                    .forEach(m -> unpriced.add("Aurora instance " + m.name() + " ("
                            + StackLinks.text(m, "instanceClass").orElse("?") + ")"));
            if (serverless > 0) {
                double min = StackLinks.number(cluster, "serverlessv2ScalingConfiguration.minCapacity").orElse(0.0);
                double max = StackLinks.number(cluster, "serverlessv2ScalingConfiguration.maxCapacity").orElse(min);
                double floor = Math.max(min, AURORA_AWAKE_FLOOR_ACU);
                double busyAcu = Math.max(floor, Math.min(max, usage.auroraAverageAcu()));
                double awake;
                String when;
                if (min > 0) {
                    awake = HOURS_PER_MONTH;
                    when = "min " + CostReport.number(min) + " ACU all month (no auto-pause)";
                } else {
                    // Awake while any task runs (open pool, probes), plus the auto-pause delay after each stop.
                    Running tasks = anyServiceHours();
                    double delay = StackLinks.number(cluster, "serverlessv2ScalingConfiguration.secondsUntilAutoPause")
                            .orElse(300.0) / 3600;
                    awake = Math.min(HOURS_PER_MONTH, tasks.hours() + tasks.stopsPerMonth() * delay);
                    when = "pauses only when no proxy task runs: " + CostReport.number(floor) + " ACU for "
                            + CostReport.number(awake) + " h (" + tasks.describe() + " of tasks + "
                            + CostReport.number(delay * 60) + " min auto-pause delay after each stop), 0 the rest";
                }
                double busy = Math.min(usage.busyHoursPerMonth(), awake);
                if (min > 0) {
                    commitments.add(new Commitment("Aurora Serverless v2: " + cluster.name() + ", " + serverless + " x "
                            + CostReport.number(floor) + " ACU floor", serverless * floor * HOURS_PER_MONTH * PriceTable.AURORA_ACU_HOUR.usd(),
                            PriceTable.DATABASE_SAVINGS_PLAN_SERVERLESS, 12));
                }
                basis.add("Aurora " + (min > 0 ? "at least " + CostReport.number(min) + " ACU all month"
                        : CostReport.number(floor) + " ACU for " + CostReport.number(Math.round(awake)) + " h (awake while tasks run)"));
                add("Aurora Serverless v2: " + cluster.name(), serverless, "instance", PriceTable.AURORA_ACU_HOUR.usd(),
                        "ACU-h",
                        serverless * floor * awake * PriceTable.AURORA_ACU_HOUR.usd(),
                        serverless * (busyAcu * busy + floor * (awake - busy)) * PriceTable.AURORA_ACU_HOUR.usd(),
                        "idle: " + when + "; typical: " + CostReport.number(busyAcu) + " ACU for "
                                + CostReport.number(busy) + " busy h");
            }
            fixed("Aurora storage: " + cluster.name(), usage.auroraStorageGb(), "GB",
                    PriceTable.AURORA_STORAGE_GB_MONTH.usd(), "GB-month", 1,
                    CostReport.number(usage.auroraStorageGb()) + " GB assumed; I/O not priced");
        }
    }

    private void rdsInstances() {
        for (PlannedResource db : sorted(DB_INSTANCE)) {
            String type = StackLinks.text(db, "instanceClass").orElse("?");
            double copies = db.flag("multiAz") ? 2 : 1;
            String az = copies == 2 ? "Multi-AZ, x2" : "single-AZ";
            Running running = instanceHours(db);
            basis.add("RDS " + type + (copies == 2 ? " Multi-AZ" : "") + " x " + running.brief());
            PriceTable.rdsInstanceHour(type).ifPresentOrElse(
                    price -> fixed("RDS instance: " + db.name() + " (" + type + ", " + az + ")", copies, "instance",
                            price.usd(), "h", running.hours(), running.scheduled()
                                    ? "started and stopped by EventBridge Scheduler: " + running.describe()
                                    + " (storage is billed while stopped)"
                                    : "runs all month"),
                    () -> unpriced.add("RDS instance " + db.name() + " (" + type + ")"));
            if (!running.scheduled()) {
                PriceTable.rdsInstanceHour(type).ifPresent(price -> commitments.add(new Commitment("RDS instance: " + db.name()
                        + " (" + type + ", " + az + ")", copies * price.usd() * HOURS_PER_MONTH, PriceTable.RDS_RESERVED_INSTANCE, 36)));
            }
            double gb = StackLinks.number(db, "allocatedStorage").orElse(0.0);
            fixed("RDS storage: " + db.name() + " (" + az + ")", gb * copies, "GB", PriceTable.RDS_GP3_GB_MONTH.usd(),
                    "GB-month", 1, "allocated storage priced as gp3, per copy");
        }
    }

    private void interfaceEndpoints() {
        List<PlannedResource> endpoints = stack.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").stream()
                .filter(e -> "Interface".equals(e.input("vpcEndpointType").orElse(null))).toList();
        if (endpoints.isEmpty()) {
            return;
        }
        long azs = endpoints.stream().mapToLong(e -> Math.max(1, e.list("subnetIds").size())).sum();
        fixed("Interface VPC endpoints (" + endpoints.size() + ")", azs, "endpoint-AZ",
                PriceTable.INTERFACE_ENDPOINT_AZ_HOUR.usd(), "h", HOURS_PER_MONTH,
                "one per subnet (AZ) per endpoint; data processing not priced; gateway endpoints are free");
    }

    private void clientVpn() {
        int associations = stack.ofType("aws:ec2clientvpn/networkAssociation:NetworkAssociation").size();
        if (associations > 0) {
            fixed("Client VPN subnet associations", associations, "association",
                    PriceTable.CLIENT_VPN_ASSOCIATION_HOUR.usd(), "h", HOURS_PER_MONTH, "associated all month");
        }
        if (!stack.ofType("aws:ec2clientvpn/endpoint:Endpoint").isEmpty()) {
            double hours = usage.vpnConcurrentUsers() * usage.busyHoursPerMonth();
            add("Client VPN connections", usage.vpnConcurrentUsers(), "user", PriceTable.CLIENT_VPN_CONNECTION_HOUR.usd(),
                    "connection-h", 0, hours * PriceTable.CLIENT_VPN_CONNECTION_HOUR.usd(),
                    "idle: none; typical: " + CostReport.number(usage.vpnConcurrentUsers()) + " users for "
                            + CostReport.number(usage.busyHoursPerMonth()) + " busy h");
        }
    }

    private void caches() {
        for (PlannedResource group : sorted("aws:elasticache/replicationGroup:ReplicationGroup")) {
            String type = StackLinks.text(group, "nodeType").orElse("");
            Double hourly = PriceTable.valkeyNodeHour(type).map(Price::usd).orElse(null);
            if (hourly == null) {
                unpriced.add("ElastiCache replication group " + group.name() + " (node type " + type + ")");
                continue;
            }
            double nodes = StackLinks.number(group, "numCacheClusters").orElse(1.0);
            fixed("ElastiCache for Valkey: " + group.name() + " (" + type + ")", nodes, "node",
                    hourly * PriceTable.HOURS_PER_MONTH, "node-month", 1,
                    "primary and replicas all month; backups within the free snapshot storage not priced");
        }
    }

    /**
     * Log groups of containers that run once and exit: those that are not essential (they run when a task starts), and
     * every container of a task definition no service runs (the deploy's one-off tasks: once per deploy).
     */
    private java.util.Set<String> oneShotLogGroups() {
        java.util.Set<String> groups = new java.util.TreeSet<>();
        for (PlannedResource task : stack.ofType("aws:ecs/taskDefinition:TaskDefinition")) {
            boolean oneOff = StackLinks.dependents(stack, task, SERVICE).isEmpty();
            StackLinks.text(task, "containerDefinitions").ifPresent(json -> com.google.gson.JsonParser.parseString(json)
                    .getAsJsonArray().forEach(element -> {
                        var container = element.getAsJsonObject();
                        boolean essential = !oneOff && (!container.has("essential") || container.get("essential").getAsBoolean());
                        var group = container.has("logConfiguration")
                                ? container.getAsJsonObject("logConfiguration").getAsJsonObject("options").get("awslogs-group") : null;
                        if (!essential && group != null && group.isJsonPrimitive()) {
                            groups.add(group.getAsString());
                        }
                    }));
        }
        return groups;
    }

    private void cloudFront() {
        int distributions = stack.ofType("aws:cloudfront/distribution:Distribution").size();
        if (distributions > 0) {
            fixed("CloudFront distributions", distributions, "distribution", 0, "month", 1,
                    "within CloudFront's always-free tier (1 TB out, 10 M requests per month); not in the price table");
        }
    }

    private void waf() {
        for (PlannedResource acl : sorted("aws:wafv2/webAcl:WebAcl")) {
            int rules = Math.max(acl.list("rules").size(), StackLinks.json(acl, "ruleJson")
                    .filter(JsonElement::isJsonArray).map(j -> j.getAsJsonArray().size()).orElse(0));
            double monthly = PriceTable.WAF_ACL_MONTH.usd() + rules * PriceTable.WAF_RULE_MONTH.usd();
            add("WAF web ACL: " + acl.name() + " (" + rules + " rules)", 1, "web ACL", PriceTable.WAF_ACL_MONTH.usd(),
                    "month", monthly, monthly, "$" + CostReport.number(PriceTable.WAF_RULE_MONTH.usd()) + " per rule per month included");
            add("WAF requests: " + acl.name(), usage.wafMillionRequests(), "million requests",
                    PriceTable.WAF_MILLION_REQUESTS.usd(), "million", 0,
                    usage.wafMillionRequests() * PriceTable.WAF_MILLION_REQUESTS.usd(),
                    "idle: none; typical: " + CostReport.number(usage.wafMillionRequests()) + " million requests");
        }
    }

    private void secretsAndKeys() {
        int secrets = stack.ofType("aws:secretsmanager/secret:Secret").size();
        long managed = stack.resources().stream()
                .filter(r -> r.type().equals(CLUSTER) || r.type().equals(DB_INSTANCE))
                .filter(r -> r.flag("manageMasterUserPassword")).count();
        if (secrets + managed > 0) {
            fixed("Secrets Manager secrets", secrets + managed, "secret", PriceTable.SECRET_MONTH.usd(), "month", 1,
                    secrets + " declared + " + managed + " RDS-managed master secret(s); API calls not priced");
        }
        List<PlannedResource> parameters = stack.ofType("aws:ssm/parameter:Parameter");
        if (!parameters.isEmpty()) {
            long advanced = parameters.stream().filter(p -> "Advanced".equals(p.input("tier").orElse(null))).count();
            double monthly = advanced * PriceTable.SSM_ADVANCED_PARAMETER_MONTH.usd();
            add("SSM Parameter Store parameters", parameters.size(), "parameter", PriceTable.SSM_ADVANCED_PARAMETER_MONTH.usd(),
                    "advanced parameter-month", monthly, monthly,
                    (parameters.size() - advanced) + " standard (free, SecureString with the stack key) + " + advanced
                            + " advanced; API calls at standard throughput free");
        }
        int keys = stack.ofType("aws:kms/key:Key").size();
        if (keys > 0) {
            fixed("KMS customer managed keys", keys, "key", PriceTable.KMS_KEY_MONTH.usd(), "month", 1,
                    "first year; yearly rotation adds $" + CostReport.number(PriceTable.KMS_ROTATED_VERSION_MONTH.usd())
                            + " a month per key after each of the first two rotations; requests not priced");
        }
    }

    private void observability() {
        List<PlannedResource> groups = stack.ofType("aws:cloudwatch/logGroup:LogGroup");
        if (!groups.isEmpty()) {
            java.util.Set<String> oneShot = oneShotLogGroups();
            java.util.function.ToDoubleFunction<PlannedResource> monthly = g ->
                    oneShot.contains(StackLinks.text(g, "name").orElse("")) ? usage.oneShotLogGbPerMonth() : usage.logGbPerGroupPerMonth();
            double gb = groups.stream().mapToDouble(monthly).sum();
            add("CloudWatch Logs ingestion (" + groups.size() + " groups)", gb, "GB", PriceTable.LOGS_INGEST_GB.usd(),
                    "GB", 0, gb * PriceTable.LOGS_INGEST_GB.usd(),
                    "idle: none; typical: " + CostReport.number(usage.logGbPerGroupPerMonth()) + " GB per group per month, "
                            + CostReport.number(usage.oneShotLogGbPerMonth()) + " GB for each of " + oneShot.size()
                            + " containers that run once per task start");
            double stored = groups.stream().mapToDouble(g -> monthly.applyAsDouble(g)
                    * Math.min(12, StackLinks.number(g, "retentionInDays").orElse(365.0) / 30)).sum();
            add("CloudWatch Logs storage", stored, "GB", PriceTable.LOGS_STORAGE_GB_MONTH.usd(), "GB-month", 0,
                    stored * PriceTable.LOGS_STORAGE_GB_MONTH.usd(),
                    "typical: steady state of the retention period (at most 12 months; no retention counts as 12)");
        }
        // An alarm is billed per metric it reads: a metric-math alarm for each metric of its expression.
        int alarmMetrics = stack.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .mapToInt(a -> a.input("metricQueries").map(q -> (int) ((List<?>) q).stream()
                        .filter(query -> ((java.util.Map<?, ?>) query).get("metric") != null).count()).orElse(1))
                .sum();
        if (alarmMetrics > 0) {
            fixed("CloudWatch alarms", alarmMetrics, "alarm metric", PriceTable.ALARM_MONTH.usd(), "month", 1,
                    "standard resolution; a metric-math alarm counts each metric it reads");
        }
        int composites = stack.ofType("aws:cloudwatch/compositeAlarm:CompositeAlarm").size();
        if (composites > 0) {
            fixed("CloudWatch composite alarms", composites, "alarm", PriceTable.COMPOSITE_ALARM_MONTH.usd(), "month", 1,
                    "burn-rate alarms");
        }
        int dashboards = stack.ofType("aws:cloudwatch/dashboard:Dashboard").size();
        if (dashboards > 0) {
            fixed("CloudWatch dashboards", dashboards, "dashboard", PriceTable.DASHBOARD_MONTH.usd(), "month", 1,
                    "no free-tier credit assumed");
        }
    }
}
