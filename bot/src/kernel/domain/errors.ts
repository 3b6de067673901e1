/**
 * The application's error catalogue: a stable code, a message safe to show a user (ja and en), and the HTTP or
 * invoke status it maps to. Details for operators go to the log, never to the user.
 */
export type AppErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'invalid-input'
  | 'concurrency-conflict'
  | 'not-yet-available'
  | 'internal';

const STATUS: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  'invalid-input': 400,
  'concurrency-conflict': 409,
  'not-yet-available': 409,
  internal: 500,
};

const DEFAULT_MESSAGES: Record<AppErrorCode, { ja: string; en: string }> = {
  unauthenticated: { ja: 'サインインが必要です。', en: 'Sign-in is required.' },
  forbidden: { ja: 'この操作を行う権限がありません。', en: 'You are not allowed to do this.' },
  'not-found': { ja: '見つかりませんでした。', en: 'Not found.' },
  'invalid-input': { ja: '入力内容に誤りがあります。', en: 'The input is not valid.' },
  'concurrency-conflict': {
    ja: 'ほかの操作と重なりました。もう一度お試しください。',
    en: 'Someone else changed this at the same time. Please try again.',
  },
  'not-yet-available': { ja: 'まだ表示できません。', en: 'This is not available yet.' },
  internal: {
    ja: '申し訳ありません。問題が発生しました。時間をおいてもう一度お試しください。',
    en: 'Sorry, something went wrong. Please try again later.',
  },
};

export class AppError extends Error {
  readonly status: number;
  readonly userMessage: { ja: string; en: string };

  constructor(
    readonly code: AppErrorCode,
    options: { userMessage?: { ja: string; en: string }; detail?: string; cause?: unknown } = {},
  ) {
    super(options.detail ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.status = STATUS[code];
    this.userMessage = options.userMessage ?? DEFAULT_MESSAGES[code];
  }
}

export class ConcurrencyError extends AppError {
  constructor(detail: string, cause?: unknown) {
    super('concurrency-conflict', { detail, cause });
    this.name = 'ConcurrencyError';
  }
}
