import { isIPv4, isIPv6 } from 'node:net';
import { DomainInputError, quoteValue } from './DomainInputError';

export interface IpHost {
  version: 4 | 6;
  /** Canonical text: dotted decimal, or compressed lower-case IPv6 without brackets. */
  address: string;
  /** Written in a form browsers accept but people misread (`0x7f.1`, `2130706433`, `010.0.0.1`). */
  nonStandard: boolean;
}

// WHATWG URL "ends in a number": such a host is parsed as IPv4 by browsers or not at all.
const ENDS_IN_NUMBER = /(?:^|\.)(?:\d+|0[xX][0-9a-fA-F]*)\.?$/;

/**
 * Recognise an IP address host. Returns null for a name, throws INVALID_IP for text that can only
 * be an (invalid) address. Canonical forms come from the WHATWG URL parser, which is what a
 * browser would connect to: `http://0x7f.1/` really goes to 127.0.0.1.
 */
export function parseIpHost(host: string, input: string): IpHost | null {
  if (host.includes(':')) {
    // Zone ids (`fe80::1%eth0`) name an interface of the local machine: not a website.
    if (!isIPv6(host) || host.includes('%')) {
      throw new DomainInputError('INVALID_IP', input, `${quoteValue(input)} is not a valid IPv6 address.`);
    }
    const address = new URL(`http://[${host}]/`).hostname.slice(1, -1);
    return { version: 6, address, nonStandard: false };
  }
  if (isIPv4(host)) return { version: 4, address: host, nonStandard: false };
  if (!ENDS_IN_NUMBER.test(host)) return null;
  let address: string;
  try {
    address = new URL(`http://${host}/`).hostname;
  } catch {
    throw new DomainInputError(
      'INVALID_IP',
      input,
      `${quoteValue(input)} is not a valid IPv4 address (a name cannot end in a number).`,
    );
  }
  if (!isIPv4(address)) {
    throw new DomainInputError('INVALID_IP', input, `${quoteValue(input)} is not a valid IPv4 address.`);
  }
  return { version: 4, address, nonStandard: address !== host.replace(/\.$/, '') };
}
