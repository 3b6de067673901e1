import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Logger } from '../../logger.js';
import type { DirectoryService } from './domain/directory-service.js';

/** How long a chat identity found in no roster row is not looked up again (a Teams call and a point read). */
const UNMATCHED_RETRY_MS = 10 * 60_000;

/**
 * Links a chat user to their roster row at install or first message: Teams names their UPN (TeamsInfo.getMember),
 * the directory matches it. Called only for identities not linked yet, so a linked person's turns cost nothing;
 * an unmatched one is asked again after a pause (HR's next file may list them), never on every turn.
 */
export function createChatIdentityLinker(deps: { directory: DirectoryService; log: Logger; now?: () => number }) {
  const unmatchedUntil = new Map<string, number>();
  const now = () => deps.now?.() ?? Date.now();
  return async (context: TurnContext, employeeId: string): Promise<boolean> => {
    if ((unmatchedUntil.get(employeeId) ?? 0) > now()) return false;
    let upn: string | undefined;
    try {
      const member = await TeamsInfo.getMember(context, context.activity.from.id);
      upn = member.userPrincipalName || member.email || undefined;
    } catch (error) {
      deps.log.warn('TeamsInfo.getMember failed; the identity stays unlinked for now', { error });
    }
    const linked = await deps.directory.linkIdentity(employeeId, upn);
    if (linked?.staffNumber) {
      unmatchedUntil.delete(employeeId);
      return true;
    }
    if (unmatchedUntil.size > 10_000) unmatchedUntil.clear();
    unmatchedUntil.set(employeeId, now() + UNMATCHED_RETRY_MS);
    return false;
  };
}
