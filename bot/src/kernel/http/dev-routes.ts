import type { Server } from 'restify';
import { devObjectIdForStaff, type DevIdentityProvider } from '../../dev/dev-identity-provider.js';
import type { JobLevel } from '../domain/catalog/job-levels.js';
import { AppError } from '../domain/errors.js';
import type { DepartmentRepository, EmployeeRepository } from '../domain/ports.js';
import type { Logger } from '../../logger.js';
import { sendError } from './errors.js';
import { devTokenInputSchema, type devIdentitiesSchema, type devTokenSchema } from './tab-api.js';
import type { Contract } from './tab-routes.js';

export interface DevRouteDeps {
  identityProvider: DevIdentityProvider;
  employees: EmployeeRepository;
  departments: DepartmentRepository;
  log: Logger;
  /** Active roster rows (from the directory feature): the dev sign-in lists them too, not only linked people. */
  rosterPeople?: (() => Promise<DevRosterPerson[]>) | undefined;
}

/** An active row of HR's roster as the dev sign-in shows it. */
export interface DevRosterPerson {
  staffNumber: string;
  name: string;
  departmentName: string;
  jobLevel: JobLevel;
  upn: string;
  /** The Teams identity linked to the row, if any. */
  employeeId: string | undefined;
}

/**
 * Local-only routes behind the dev sign-in: the sample identities, a token for one of them, and the JWKS the
 * tab API verifies those tokens with. Never registered when Entra SSO is configured.
 */
export function registerDevRoutes(server: Server, deps: DevRouteDeps): void {
  server.get('/api/dev/idp/keys', async (_req, res) => {
    res.send(200, deps.identityProvider.jwks());
  });

  server.get('/api/dev/identities', async (req, res) => {
    try {
      const [employees, departments, roster] = await Promise.all([deps.employees.list(), deps.departments.list(), deps.rosterPeople?.() ?? []]);
      const departmentName = new Map(departments.map((department) => [department.id, department.name]));
      const listed = new Set(employees.map((employee) => employee.id));
      const body: Contract<typeof devIdentitiesSchema> = {
        employees: [
          ...employees.map((employee) => ({
            id: employee.id,
            displayName: employee.displayName,
            departmentName: (employee.departmentId && departmentName.get(employee.departmentId)) || '',
            jobLevel: employee.jobLevel ?? null,
            roles: employee.roles,
            staffNumber: employee.staffNumber ?? null,
            linked: true,
          })),
          // Everyone else on the roster: signing in as them makes the identity, linked by UPN like Entra SSO.
          ...roster
            .filter((person) => !person.employeeId || !listed.has(person.employeeId))
            .filter((person) => !listed.has(devObjectIdForStaff(person.staffNumber)))
            .map((person) => ({
              id: devObjectIdForStaff(person.staffNumber),
              displayName: person.name,
              departmentName: person.departmentName,
              jobLevel: person.jobLevel,
              roles: ['employee'],
              staffNumber: person.staffNumber,
              linked: false,
            })),
        ].sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'ja') || a.displayName.localeCompare(b.displayName, 'ja')),
      };
      res.send(200, body);
    } catch (error) {
      sendError(req, res, error, deps.log);
    }
  });

  server.post('/api/dev/token', async (req, res) => {
    try {
      const parsed = devTokenInputSchema.safeParse(req.body);
      if (!parsed.success) {
        throw new AppError('invalid-input', {
          detail: parsed.error.message,
          userMessage: { ja: 'employeeId を指定してください。', en: 'employeeId is required.' },
        });
      }
      const employee = await deps.employees.get(parsed.data.employeeId);
      let token: Contract<typeof devTokenSchema>;
      if (employee) token = await deps.identityProvider.issueToken({ oid: employee.id, name: employee.displayName });
      else {
        // A roster person with no identity yet: the token carries their UPN, so the tab's load links the row.
        const person = (await deps.rosterPeople?.())?.find((candidate) => devObjectIdForStaff(candidate.staffNumber) === parsed.data.employeeId);
        if (!person) throw new AppError('not-found', { detail: `no employee ${parsed.data.employeeId}` });
        token = await deps.identityProvider.issueToken({ oid: parsed.data.employeeId, name: person.name, upn: person.upn });
      }
      res.send(200, token);
    } catch (error) {
      sendError(req, res, error, deps.log);
    }
  });
}
