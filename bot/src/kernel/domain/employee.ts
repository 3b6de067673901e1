import type { JobLevel } from './catalog/job-levels.js';
import type { Locale } from './catalog/localized-text.js';
import type { SkillId, SkillLevel } from './catalog/skills.js';

export const ROLES = ['employee', 'admin', 'promoter'] as const;
/** employee: every staff member; admin: デジタル推進課 staff who run the programme; promoter: DX推進委員 of a section. */
export type Role = (typeof ROLES)[number];

/**
 * Where HR's roster (features/directory) puts a person: 在籍 (active), 休職 (on leave), 退職 (left); an identity
 * with no roster row is unregistered. Records written before the roster existed carry none and count as active.
 */
export const DIRECTORY_STATUSES = ['active', 'on-leave', 'left', 'unregistered'] as const;
export type DirectoryStatus = (typeof DIRECTORY_STATUSES)[number];

export interface Department {
  id: string;
  name: string;
}

export interface Employee {
  /** Entra object id (oid): the one identity shared by the bot (aadObjectId) and the tab (token oid). */
  id: string;
  displayName: string;
  email: string | undefined;
  departmentId: string | undefined;
  /** Unknown until HR's master data names it. */
  jobLevel: JobLevel | undefined;
  roles: Role[];
  /** Teams UI locale last seen (e.g. ja-JP, en-US). */
  locale: string | undefined;
  /** The language the employee chose in 通知設定; when set it wins over the Teams locale. */
  preferredLocale?: Locale | undefined;
  tenantId: string | undefined;
  installedAt: string | undefined;
  /** 職員番号 of the roster row this identity is linked to (by UPN). */
  staffNumber?: string | undefined;
  directoryStatus?: DirectoryStatus | undefined;
  /** The app roles (DXNavi.Admin / DXNavi.Promoter) the last tab token carried: what Entra gave, to follow when it takes them back. */
  tokenRoles?: Role[] | undefined;
  /**
   * A copy of the skill self-assessment's ticks and goals as last saved (features/skills keeps the assessment and
   * its history). It rides on the record every chat turn reads anyway, so 研修を探す and 申し込む recommend without
   * a second read per turn. Undefined on records from before the copy existed (and if a copy could not be read):
   * then the assessment itself is read and the copy stored.
   */
  skillSummary?: SkillSummary | undefined;
}

/** What recommendations depend on: the criteria ticked and the goal level per skill. */
export interface SkillSummary {
  ticked: string[];
  goals: Partial<Record<SkillId, SkillLevel>>;
}

/** Whether a person is in audiences, counts and denominators: active staff only, never leavers or unregistered identities. */
export function countsAsStaff(employee: Pick<Employee, 'directoryStatus'>): boolean {
  return employee.directoryStatus === undefined || employee.directoryStatus === 'active';
}

export type EmployeeProfile = Employee & { department: Department | undefined };

/**
 * An employee who installs the bot before HR's data reaches us still gets a record, with what Teams told us;
 * a known employee keeps their HR data and only takes the name and locale Teams reports.
 */
export function employeeOnInstall(
  existing: Employee | undefined,
  seen: { id: string; displayName: string; locale: string | undefined; tenantId: string | undefined; at: string },
): Employee {
  if (existing) {
    return {
      ...existing,
      displayName: seen.displayName || existing.displayName,
      locale: seen.locale ?? existing.locale,
      tenantId: seen.tenantId ?? existing.tenantId,
      installedAt: existing.installedAt ?? seen.at,
    };
  }
  return unregisteredEmployee(seen.id, { displayName: seen.displayName, locale: seen.locale, tenantId: seen.tenantId, installedAt: seen.at });
}

/**
 * A person with no employee row yet: a plain staff member whom HR's roster does not cover (yet), so they may read
 * help and file a DX相談, nothing more. What is already known of them (from Teams, a token) comes in `known`.
 */
export function unregisteredEmployee(id: string, known: Partial<Pick<Employee, 'displayName' | 'email' | 'locale' | 'tenantId' | 'installedAt'>> = {}): Employee {
  return {
    id,
    displayName: known.displayName ?? '',
    email: known.email,
    departmentId: undefined,
    jobLevel: undefined,
    roles: ['employee'],
    locale: known.locale,
    tenantId: known.tenantId,
    installedAt: known.installedAt,
    directoryStatus: 'unregistered',
  };
}
