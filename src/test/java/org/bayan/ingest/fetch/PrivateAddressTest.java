package org.bayan.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The addresses a feed URL, or any redirect it leads to, may never reach unless private fetching is allowed. */
class PrivateAddressTest {
  @Test
  void loopback_private_link_local_metadata_and_their_ipv6_disguises_are_private() throws Exception {
    for (String a : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
        "100.64.0.1", "198.18.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1",
        "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", "2002:7f00:1::1", "2002:a9fe:a9fe::",
        "224.0.0.1", "ff02::1")) {
      assertTrue(Fetcher.isPrivate(InetAddress.getByName(a)), a + " was taken for a public address");
    }
  }

  @Test
  void public_addresses_are_not() throws Exception {
    for (String a : List.of("8.8.8.8", "93.184.216.34", "2606:4700::1111", "64:ff9b::808:808", "2002:808:808::")) {
      assertFalse(Fetcher.isPrivate(InetAddress.getByName(a)), a);
    }
  }
}
