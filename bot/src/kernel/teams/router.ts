import { z } from 'zod';
import { COMMAND_IDS, COMMAND_LABELS, type CommandId } from '../cards/messages.js';

/** Extra words people type for each command, Japanese and English. Matching ignores case and width. */
const SYNONYMS: Record<CommandId, string[]> = {
  consult: ['相談', '相談したい', 'consult', 'ask', 'ask for help'],
  'consult-status': ['相談一覧', 'my requests', 'requests', 'status'],
  survey: ['pulse', 'survey'],
  'find-training': ['研修', '研修一覧', 'training', 'courses', 'find training'],
  'my-skills': ['スキル', 'マイdxスキル', 'my skills', 'skills', 'profile'],
  'notification-settings': ['通知', 'notifications', 'settings'],
  help: ['help', 'menu', 'メニュー', '使い方', '?', '？', 'hi', 'hello', 'こんにちは'],
};

export function normalizeCommandText(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const COMMAND_BY_WORD = new Map<string, CommandId>(
  COMMAND_IDS.flatMap((command) =>
    [COMMAND_LABELS[command].ja, COMMAND_LABELS[command].en, ...SYNONYMS[command]].map(
      (word) => [normalizeCommandText(word), command] as const,
    ),
  ),
);

/** The command a typed text names, or undefined for free text. */
export function commandFromText(text: string): CommandId | undefined {
  return COMMAND_BY_WORD.get(normalizeCommandText(text));
}

const commandSubmitSchema = z.object({ command: z.enum(COMMAND_IDS) });

/** The command a menu button (Action.Submit) sent, or undefined when the data is something else. */
export function commandFromSubmit(value: unknown): CommandId | undefined {
  const parsed = commandSubmitSchema.safeParse(value);
  return parsed.success ? parsed.data.command : undefined;
}
