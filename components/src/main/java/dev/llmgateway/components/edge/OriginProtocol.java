package dev.llmgateway.components.edge;

/** How CloudFront talks to the origin load balancer. */
public enum OriginProtocol {
    /** HTTPS: the origin's certificate must match the origin domain name. */
    HTTPS_ONLY,
    /** Plain HTTP: only for origins without a certificate; chosen explicitly. */
    HTTP_ONLY
}
