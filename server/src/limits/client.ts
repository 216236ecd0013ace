/**
 * Who a request comes from, for its limits and its log line: the signed-in user, or else the
 * address it came from.
 */

/** `::ffff:127.0.0.1` is how Node names an IPv4 peer on a dual-stack socket. */
const plainAddress = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/**
 * The address a request came from: the socket's peer; behind `trustProxy` proxies, the address
 * the outermost of them saw, read from the right of X-Forwarded-For (each proxy appends the peer
 * it saw, so entries further left are whatever the client chose to send).
 */
export function clientAddress(request: Request, socketAddress: string | undefined, trustProxy: number): string {
  if (trustProxy > 0) {
    const hops = (request.headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean);
    const seen = hops[hops.length - trustProxy] ?? hops[0];
    if (seen) return plainAddress(seen);
  }
  return socketAddress ? plainAddress(socketAddress) : 'unknown';
}
