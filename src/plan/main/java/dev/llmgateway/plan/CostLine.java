package dev.llmgateway.plan;

/**
 * One priced item of the monthly estimate.
 *
 * @param item           what is billed, naming the resource
 * @param quantity       how many units are billed (tasks' vCPUs, gateways, secrets, GB)
 * @param unit           the unit of {@code quantity}
 * @param unitPrice      list price in USD per {@code priceUnit}
 * @param priceUnit      what {@code unitPrice} is charged per (hour, month, GB)
 * @param monthlyIdle    USD per month with no traffic
 * @param monthlyTypical USD per month under the stated typical use
 * @param assumption     how idle and typical were derived
 */
public record CostLine(
        String item,
        double quantity,
        String unit,
        double unitPrice,
        String priceUnit,
        double monthlyIdle,
        double monthlyTypical,
        String assumption) {
}
