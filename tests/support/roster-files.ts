import iconv from 'iconv-lite';
import type { RunningApp } from '../../bot/src/app.js';

export const ROSTER_HEADER = '職員番号,氏名,部,課,職層,メールアドレス,在籍';

export interface RosterLine {
  staffNumber: string;
  name: string;
  division: string;
  section: string;
  jobLevel: string;
  upn: string;
  status?: string;
}

export function rosterCsv(lines: readonly RosterLine[]): string {
  return [ROSTER_HEADER, ...lines.map((l) => [l.staffNumber, l.name, l.division, l.section, l.jobLevel, l.upn, l.status ?? ''].join(','))].join('\r\n') + '\r\n';
}

/** What Excel in Japan saves: CP932. */
export const shiftJis = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, 'cp932'));
export const utf8WithBom = (text: string): Uint8Array => new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf8'));

/** Uploads roster bytes as the 職員名簿 page does (raw body), as the given employee. */
export async function uploadRoster(app: RunningApp, employeeId: string, bytes: Uint8Array, query = '', headers: Record<string, string> = {}) {
  const { accessToken } = await app.devIdentity!.issueToken({ oid: employeeId, name: 'x' });
  const response = await fetch(`${app.baseUrl}/api/tab/admin/roster${query}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'text/csv', ...headers },
    body: bytes,
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it asserts on
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** n people across a few 部/課, numbered from `from`. */
export function generatedRoster(count: number, from = 1): RosterLine[] {
  const sections = [
    ['企画経営部', 'デジタル推進課'],
    ['総務部', '人事課'],
    ['地域振興部', '戸籍住民課'],
    ['福祉部', '福祉計画課'],
    ['子ども未来部', '子ども育成課'],
    ['都市環境部', '環境課'],
  ] as const;
  const levels = ['主事', '主任', '係長', '課長補佐', '課長'];
  return Array.from({ length: count }, (_, index) => {
    const n = from + index;
    const [division, section] = sections[n % sections.length]!;
    return { staffNumber: String(100000 + n), name: `職員 ${n}`, division, section, jobLevel: levels[n % levels.length]!, upn: `staff${n}@city.example.jp` };
  });
}
