import { randomUUID } from 'node:crypto';
import type { Request, Response, Server } from 'restify';

/**
 * A local stand-in for the Bot Connector REST API (the part a bot calls: send, reply, update, delete, members,
 * create conversation). It records everything the bot sends, in order, so the dev chat page can show replies
 * and tests can assert on them. Never used when the bot talks to real Teams.
 */
export interface RecordedActivity {
  seq: number;
  kind: 'send' | 'update' | 'delete';
  conversationId: string;
  activityId: string;
  // The Bot Framework activity exactly as the bot sent it; its shape is the protocol's, not ours.
  activity: Record<string, unknown>;
}

export class ConnectorRecorder {
  private readonly recorded: RecordedActivity[] = [];
  private readonly waiters = new Set<() => void>();
  /** The UPN Teams reports for an Entra object id (TeamsInfo.getMember); set by tests and the local stack. */
  readonly upnOf = new Map<string, string>();
  /** Every member looked up (TeamsInfo.getMember), in order: tests count them. */
  readonly memberLookups: string[] = [];

  record(entry: Omit<RecordedActivity, 'seq'>): RecordedActivity {
    const stored = { ...entry, seq: this.recorded.length + 1 };
    this.recorded.push(stored);
    for (const wake of this.waiters) wake();
    return stored;
  }

  list(filter: { conversationId?: string; after?: number } = {}): RecordedActivity[] {
    return this.recorded.filter(
      (entry) =>
        (filter.conversationId === undefined || entry.conversationId === filter.conversationId) &&
        entry.seq > (filter.after ?? 0),
    );
  }

  /** Resolves with the recorded activities once `predicate` holds, or rejects after timeoutMs. */
  async waitFor(
    predicate: (entries: RecordedActivity[]) => boolean,
    options: { conversationId?: string; timeoutMs?: number } = {},
  ): Promise<RecordedActivity[]> {
    const timeoutMs = options.timeoutMs ?? 5_000;
    return new Promise((resolve, reject) => {
      const check = () => {
        const entries = this.list({ conversationId: options.conversationId });
        if (predicate(entries)) {
          cleanup();
          resolve(entries);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`connector recorder: condition not met within ${timeoutMs} ms (${this.recorded.length} recorded)`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  clear(): void {
    this.recorded.length = 0;
  }
}

/** Mounts the Bot Connector stand-in on `server` under `prefix` (e.g. '/dev/connector'). */
export function mountConnectorRecorder(server: Server, recorder: ConnectorRecorder, prefix = ''): void {
  const send = async (req: Request, res: Response) => {
    const conversationId = String(req.params.conversationId);
    const activityId = randomUUID();
    const body = (req.body ?? {}) as Record<string, unknown>;
    recorder.record({ kind: 'send', conversationId, activityId, activity: { ...body, id: activityId } });
    res.send(200, { id: activityId });
  };
  server.post(`${prefix}/v3/conversations/:conversationId/activities`, send);
  server.post(`${prefix}/v3/conversations/:conversationId/activities/:replyToId`, send);
  server.put(`${prefix}/v3/conversations/:conversationId/activities/:activityId`, async (req, res) => {
    const activityId = String(req.params.activityId);
    const body = (req.body ?? {}) as Record<string, unknown>;
    recorder.record({ kind: 'update', conversationId: String(req.params.conversationId), activityId, activity: { ...body, id: activityId } });
    res.send(200, { id: activityId });
  });
  server.del(`${prefix}/v3/conversations/:conversationId/activities/:activityId`, async (req, res) => {
    const activityId = String(req.params.activityId);
    recorder.record({ kind: 'delete', conversationId: String(req.params.conversationId), activityId, activity: {} });
    res.send(200, {});
  });
  server.get(`${prefix}/v3/conversations/:conversationId/members/:memberId`, async (req, res) => {
    const memberId = String(req.params.memberId);
    const aadObjectId = memberId.replace(/^29:(dev-)?/, '');
    recorder.memberLookups.push(aadObjectId);
    const upn = recorder.upnOf.get(aadObjectId);
    res.send(200, { id: memberId, name: memberId, aadObjectId, ...(upn ? { userPrincipalName: upn, email: upn } : {}) });
  });
  server.post(`${prefix}/v3/conversations`, async (_req, res) => {
    res.send(200, { id: `dev-conversation-${randomUUID()}`, activityId: randomUUID() });
  });
  server.get(`${prefix}/_recorded`, async (req, res) => {
    const query = req.query as { conversationId?: string; after?: string };
    const after = Number.parseInt(query.after ?? '0', 10);
    res.send(200, { activities: recorder.list({ conversationId: query.conversationId, after: Number.isFinite(after) ? after : 0 }) });
  });
}
