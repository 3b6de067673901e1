import type { StaffRecord, TransferRecord } from './roster-diff.js';

/** HR's roster as stored: one record per 職員番号, an index by UPN, and the transfer history. */
export interface StaffDirectoryRepository {
  listStaff(): Promise<StaffRecord[]>;
  findByUpn(upn: string): Promise<StaffRecord | undefined>;
  /**
   * Writes exactly these records (with their UPN index rows where a UPN is new or moved) and transfer rows, in
   * batches; answers how many table rows it wrote. A batch that fails leaves earlier batches written: applying the
   * same file again completes it (the plan is idempotent).
   */
  write(changes: { records: StaffRecord[]; previousUpns: ReadonlyMap<string, string>; transfers: TransferRecord[] }): Promise<number>;
  /** Records which Teams identity a roster row belongs to; the row is otherwise untouched. */
  link(staffNumber: string, employeeId: string): Promise<void>;
  listTransfers(staffNumber: string): Promise<TransferRecord[]>;
  /** Every transfer of everyone (one partition): trends by 年度 place each person where they were that year. */
  listAllTransfers(): Promise<TransferRecord[]>;
  /** DX推進委員: one per 課 (department id), by 職員番号. */
  listPromoters(): Promise<PromoterAssignment[]>;
  getPromoter(departmentId: string): Promise<PromoterAssignment | undefined>;
  /** Sets or (staffNumber undefined) clears the 課's DX推進委員. */
  setPromoter(departmentId: string, assignment: PromoterAssignment | undefined): Promise<void>;
}

export interface PromoterAssignment {
  departmentId: string;
  staffNumber: string;
  assignedBy: string;
  assignedAt: string;
}

/** Who changed what in the directory and when: imports and role changes, readable by admins. */
export interface DirectoryAuditEntry {
  at: string;
  actorId: string;
  actorName: string;
  action: 'roster-import' | 'role-granted' | 'role-revoked' | 'promoter-assigned' | 'promoter-unassigned';
  /** What changed, in Japanese; `detailEn` is its English twin (entries written before it have the one text). */
  detail: string;
  detailEn?: string | undefined;
}

export interface DirectoryAuditRepository {
  append(entry: DirectoryAuditEntry): Promise<void>;
  /** Newest first. */
  list(limit: number): Promise<DirectoryAuditEntry[]>;
}

/** What Microsoft Graph `/me?$select=department,jobTitle,employeeId,mail` says about the signed-in user. */
export interface EntraProfile {
  department: string | undefined;
  jobTitle: string | undefined;
  employeeId: string | undefined;
  mail: string | undefined;
}

/**
 * Reads the signed-in user's Entra profile on their behalf (OAuth on-behalf-of with the tab's SSO token). One
 * adapter implements it (storage/graph-profile.ts); it throws on any failure, which the caller logs and survives.
 */
export interface EntraProfileSource {
  read(userAssertion: string): Promise<EntraProfile>;
}

/** What the Entra profile filled in for a person the roster does not cover yet, and where it came from. */
export interface EntraProfileRecord {
  employeeId: string;
  profile: EntraProfile;
  /** Fields of the employee record this profile filled (only ones that were empty). */
  filled: ('departmentId' | 'jobLevel' | 'email')[];
  source: 'microsoft-graph-me';
  fetchedAt: string;
}

export interface EntraProfileRepository {
  get(employeeId: string): Promise<EntraProfileRecord | undefined>;
  save(record: EntraProfileRecord): Promise<void>;
}
