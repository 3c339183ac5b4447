package dev.llmgateway.plan;

/**
 * One line item of the {@link PriceTable}: what is billed, its list price in USD, per which unit, where it was read
 * and when. A discount is a line item too: {@code usd} is then the share of the on-demand price it takes off.
 *
 * @param item   what is billed ({@code Fargate ARM vCPU}, {@code NAT instance t4g.nano})
 * @param usd    USD per {@code per}, or the share taken off for a discount
 * @param per    the billing unit ({@code vCPU-h}, {@code GB-month}), or {@code share of on-demand}
 * @param source the public page the price was read from
 * @param asOf   when it was read ({@code 2026-11})
 */
public record Price(String item, double usd, String per, String source, String asOf) {

    /** This price over {@code quantity} units. */
    public double times(double quantity) {
        return usd * quantity;
    }
}
