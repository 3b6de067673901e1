import { readFileSync } from 'node:fs';

/**
 * The kernel's TCP counters that explain a turn of about a second on this machine: a connection the listening
 * socket's accept queue had no room for (ListenOverflows) has its SYN or handshake dropped, and the client sends the
 * SYN again after its first retransmission timeout, one second (TCPSynRetrans). System-wide, from /proc/net/netstat
 * (Linux); undefined elsewhere.
 */
export interface TcpCounters {
  listenOverflows: number;
  synRetransmits: number;
}

export function tcpCounters(): TcpCounters | undefined {
  try {
    // Two "TcpExt:" lines: the counters' names, then their values.
    const [names, values] = readFileSync('/proc/net/netstat', 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('TcpExt:'))
      .map((line) => line.trim().split(/\s+/));
    if (!names || !values) return undefined;
    const counter = (name: string) => Number(values[names.indexOf(name)]);
    const counters = { listenOverflows: counter('ListenOverflows'), synRetransmits: counter('TCPSynRetrans') };
    return Number.isFinite(counters.listenOverflows) && Number.isFinite(counters.synRetransmits) ? counters : undefined;
  } catch {
    return undefined;
  }
}
