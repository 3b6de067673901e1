import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { SendFailure } from '../../delivery/domain/retry-policy.js';
import type { ConversationMessenger, ProactiveSender, SendResult } from '../../delivery/domain/delivery-ports.js';
import type { Logger } from '../../logger.js';

// The connector client's pipeline (@azure/core-rest-pipeline) retries 429 (honouring Retry-After) and 5xx up to 3
// times inside one sendActivity. The delivery engine owns retries, pacing and the record of every attempt, so
// that policy is removed from each proactive turn's client; otherwise one recorded attempt could be 4 requests.
const SDK_RETRY_POLICY = 'defaultRetryPolicy';

interface PipelineLike {
  getOrderedPolicies(): { name: string }[];
  removePolicy(options: { name: string }): unknown;
}

/** The ConnectorClient keeps its core-client ServiceClient in a field the typings mark private. */
function pipelineOf(connectorClient: unknown): PipelineLike | undefined {
  const inner = (connectorClient as { client?: { pipeline?: PipelineLike } } | undefined)?.client;
  const pipeline = inner?.pipeline;
  return pipeline && typeof pipeline.removePolicy === 'function' ? pipeline : undefined;
}

/** The shape of @azure/core-rest-pipeline's RestError, read by duck typing (it is not our direct dependency). */
interface RestErrorLike {
  statusCode?: unknown;
  code?: unknown;
  message?: unknown;
  response?: { headers?: { get?(name: string): string | undefined } };
}

function toFailure(error: unknown): SendFailure {
  const restError = (typeof error === 'object' && error !== null ? error : {}) as RestErrorLike;
  return {
    status: typeof restError.statusCode === 'number' ? restError.statusCode : undefined,
    retryAfter: restError.response?.headers?.get?.('retry-after') ?? undefined,
    networkCode: typeof restError.code === 'string' ? restError.code : undefined,
    message: typeof restError.message === 'string' ? restError.message : String(error),
  };
}

/**
 * Proactive messages through botbuilder's CloudAdapter and a stored conversation reference: exactly one HTTP
 * request per call, and every outcome returned (never thrown), so the adapter's onTurnError never runs for a
 * proactive send (it would message the user about our failure).
 */
export function createProactiveSender(options: { adapter: CloudAdapter; appId: string | undefined; log: Logger }): ProactiveSender {
  const { send } = createConversationMessenger(options);
  return { send };
}

/**
 * Posts and updates messages in a stored conversation (the DX相談 desk channel): like createProactiveSender, one
 * HTTP request per call with the SDK's own retries removed and every outcome returned, plus `update`, which
 * replaces a message the bot posted (a ticket card refreshed for everyone in the channel).
 */
export function createConversationMessenger(options: { adapter: CloudAdapter; appId: string | undefined; log: Logger }): ConversationMessenger {
  const { adapter, log } = options;
  let warnedAboutPipeline = false;
  async function inTurn(reference: Record<string, unknown>, work: (context: TurnContext) => Promise<SendResult>): Promise<SendResult> {
    let result: SendResult | undefined;
    try {
      await adapter.continueConversationAsync(options.appId ?? '', reference as Partial<ConversationReference>, async (context: TurnContext) => {
        const pipeline = pipelineOf(context.turnState.get(adapter.ConnectorClientKey));
        if (pipeline) {
          if (pipeline.getOrderedPolicies().some((policy) => policy.name === SDK_RETRY_POLICY)) pipeline.removePolicy({ name: SDK_RETRY_POLICY });
        } else if (!warnedAboutPipeline) {
          warnedAboutPipeline = true;
          log.warn('proactive sender: connector client pipeline not found; the SDK may retry on its own (botbuilder changed?)');
        }
        try {
          result = await work(context);
        } catch (error) {
          result = { ok: false, failure: toFailure(error) };
        }
      });
    } catch (error) {
      return { ok: false, failure: toFailure(error) };
    }
    return result ?? { ok: false, failure: { status: undefined, retryAfter: undefined, networkCode: 'no-turn', message: 'the proactive turn did not run' } };
  }
  return {
    send: (reference, message) =>
      inTurn(reference, async (context) => {
        const response = await context.sendActivity(message);
        return { ok: true, activityId: response?.id };
      }),
    update: (reference, activityId, message) =>
      inTurn(reference, async (context) => {
        await context.updateActivity({ ...message, id: activityId, type: 'message' });
        return { ok: true, activityId };
      }),
  };
}
