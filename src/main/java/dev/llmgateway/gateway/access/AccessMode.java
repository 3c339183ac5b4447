package dev.llmgateway.gateway.access;

import dev.llmgateway.components.network.Cidr;
import dev.llmgateway.gateway.settings.NetworkSettings;
import dev.llmgateway.gateway.settings.SettingsReader;

import java.util.List;
import java.util.Optional;

/** The values of {@code accessMode}, each reading its {@link Access} class. */
public enum AccessMode {
    /** Internet-facing load balancer, restricted to allow-listed CIDRs unless WAF is on. */
    PUBLIC {
        @Override
        public Access read(SettingsReader r, Inputs in) {
            return PublicAccess.read(r, in.allowedCidrs(), in.waf());
        }
    },
    /** Internal load balancer reached only through AWS Client VPN. */
    VPN {
        @Override
        public Access read(SettingsReader r, Inputs in) {
            return VpnAccess.read(r, in.allowedCidrs(), in.network(), in.region());
        }
    },
    /** CloudFront (with its own WAF) in front of a load balancer that accepts only CloudFront. */
    EDGE {
        @Override
        public Access read(SettingsReader r, Inputs in) {
            return EdgeAccess.read(r, in.allowedCidrs(), in.https(), in.domainName(), in.allowPlainHttp(), in.region());
        }
    },
    /**
     * No load balancer and no inbound rule at all: operators reach the gateway and its admin UI on
     * {@code localhost:4000} through an SSM port-forwarding session into a task (ECS Exec).
     */
    PRIVATE {
        @Override
        public Access read(SettingsReader r, Inputs in) {
            return PrivateAccess.read(r, in.certificateArn(), in.allowPlainHttp(), in.waf(), in.domainName(), in.allowedCidrs());
        }
    };

    /** Reads and checks the mode's own settings. */
    public abstract Access read(SettingsReader r, Inputs in);

    /**
     * What the modes' settings are checked against: the keys every mode shares, and the network.
     *
     * @param allowedCidrs   {@code allowedCidrs}
     * @param certificateArn {@code certificateArn}
     * @param domainName     {@code albDomainName}
     * @param https          whether the load balancer serves HTTPS
     * @param allowPlainHttp {@code allowPlainHttp}
     * @param waf            {@code waf}
     * @param network        the VPC settings
     * @param region         the stack's region
     */
    public record Inputs(List<Cidr> allowedCidrs, Optional<String> certificateArn, Optional<String> domainName,
                         boolean https, boolean allowPlainHttp, boolean waf, NetworkSettings network, String region) {
    }
}
