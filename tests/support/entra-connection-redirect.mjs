/**
 * Test-only preload (`node --import`) for a child process whose Entra calls must reach a local stand-in: every HTTPS
 * connection Node's https agents open to login.microsoftonline.com goes to ENTRA_STAND_IN (host:port) instead, with
 * the TLS server name kept, so the certificate the stand-in shows (trusted through NODE_EXTRA_CA_CERTS) is checked
 * for that name. The code under test keeps Entra's real authority host; nothing else is redirected.
 */
import https from 'node:https';

const target = process.env.ENTRA_STAND_IN;
if (!target) throw new Error('ENTRA_STAND_IN (host:port) is required');
const [host, port] = target.split(':');
const createConnection = https.Agent.prototype.createConnection;
https.Agent.prototype.createConnection = function redirectedConnection(options, callback) {
  const redirected = options.host === 'login.microsoftonline.com' ? { ...options, host, port: Number(port), servername: 'login.microsoftonline.com' } : options;
  return createConnection.call(this, redirected, callback);
};
