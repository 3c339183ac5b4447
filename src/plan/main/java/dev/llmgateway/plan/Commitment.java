package dev.llmgateway.plan;

/**
 * What a commitment could take off something a stack runs all month: its on-demand monthly cost, the plan that
 * covers it and that plan's largest published discount, so the saving is an upper bound and the break-even the
 * shortest use that pays for the term.
 *
 * @param item       what runs all month ({@code Fargate: llm-prod-proxy, 2 on-demand tasks})
 * @param onDemand   its on-demand USD per month
 * @param plan       the commitment and its largest discount, from the {@link PriceTable}
 * @param termMonths the plan's term in months
 */
public record Commitment(String item, double onDemand, Price plan, int termMonths) {

    /** USD per month the commitment saves at most. */
    public double saving() {
        return plan.times(onDemand);
    }

    /**
     * Months of use after which the commitment has paid for itself: the term costs {@code termMonths x (1 - discount)}
     * months of on-demand use, so a workload that runs at least that long (and does not shrink) comes out ahead.
     */
    public double breakEvenMonths() {
        return termMonths * (1 - plan.usd());
    }
}
