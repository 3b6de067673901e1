import type { Server } from 'restify';
import { z } from 'zod';
import type { DevIdentityProvider } from '../../dev/dev-identity-provider.js';
import { AppError } from '../domain/errors.js';
import type { DepartmentRepository, EmployeeRepository } from '../domain/ports.js';
import type { Logger } from '../../logger.js';
import { sendError } from './errors.js';

export interface DevRouteDeps {
  identityProvider: DevIdentityProvider;
  employees: EmployeeRepository;
  departments: DepartmentRepository;
  log: Logger;
}

const tokenRequestSchema = z.object({ employeeId: z.string().trim().min(1).max(100) });

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
      res.send(200, {
        employees: employees
          .map((employee) => ({
            id: employee.id,
            displayName: employee.displayName,
            departmentName: (employee.departmentId && departmentName.get(employee.departmentId)) || '',
            jobLevel: employee.jobLevel ?? null,
            roles: employee.roles,
          }))
          .sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'ja') || a.displayName.localeCompare(b.displayName, 'ja')),
      });
    } catch (error) {
      sendError(req, res, error, deps.log);
    }
  });

  server.post('/api/dev/token', async (req, res) => {
    try {
      const parsed = tokenRequestSchema.safeParse(req.body);
      if (!parsed.success) {
        throw new AppError('invalid-input', {
          detail: parsed.error.message,
          userMessage: { ja: 'employeeId を指定してください。', en: 'employeeId is required.' },
        });
      }
      const employee = await deps.employees.get(parsed.data.employeeId);
      if (!employee) throw new AppError('not-found', { detail: `no employee ${parsed.data.employeeId}` });
      res.send(200, await deps.identityProvider.issueToken({ oid: employee.id, name: employee.displayName }));
    } catch (error) {
      sendError(req, res, error, deps.log);
    }
  });
}
