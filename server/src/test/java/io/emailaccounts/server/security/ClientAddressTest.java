package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The address the limits count: IPv4 as it is, IPv6 by its /64 network. */
class ClientAddressTest {

    @Test
    void shouldCountTheAddressesOfOneIpv6NetworkAsOne() {
        assertThat(ClientAddress.counted("2001:db8::1")).isEqualTo("2001:db8:0:0:0:0:0:0/64")
                .isEqualTo(ClientAddress.counted("2001:DB8:0:0:ffff:ffff:ffff:fffe"))
                .isEqualTo(ClientAddress.counted("2001:db8:0:0:1:2:3:4%1"));
        assertThat(ClientAddress.counted("2001:db8:0:1::1")).isEqualTo("2001:db8:0:1:0:0:0:0/64");
        assertThat(ClientAddress.counted("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0:0:0:0:0/64");
    }

    @Test
    void shouldCountAnIpv4AddressAsItIs() {
        assertThat(ClientAddress.counted("10.0.0.1")).isEqualTo("10.0.0.1");
        assertThat(ClientAddress.counted("::ffff:10.0.0.1")).as("IPv4-mapped").isEqualTo("10.0.0.1");
        assertThat(ClientAddress.counted("unknown")).isEqualTo("unknown");
    }
}
