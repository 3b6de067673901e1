import type { Server } from 'restify';
import type { DevIdentityProvider } from '../../dev/dev-identity-provider.js';
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
      const [employees, departments] = await Promise.all([deps.employees.list(), deps.departments.list()]);
      const departmentName = new Map(departments.map((department) => [department.id, department.name]));
      const body: Contract<typeof devIdentitiesSchema> = {
        employees: employees
          .map((employee) => ({
            id: employee.id,
            displayName: employee.displayName,
            departmentName: (employee.departmentId && departmentName.get(employee.departmentId)) || '',
            jobLevel: employee.jobLevel ?? null,
            roles: employee.roles,
          }))
          .sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'ja') || a.displayName.localeCompare(b.displayName, 'ja')),
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
      if (!employee) throw new AppError('not-found', { detail: `no employee ${parsed.data.employeeId}` });
      const token: Contract<typeof devTokenSchema> = await deps.identityProvider.issueToken({ oid: employee.id, name: employee.displayName });
      res.send(200, token);
    } catch (error) {
      sendError(req, res, error, deps.log);
    }
  });
}
