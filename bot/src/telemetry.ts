import type { Logger } from './logger.js';

/**
 * Application Insights through the Azure Monitor OpenTelemetry distro: incoming requests, outgoing
 * dependencies (Bot Connector, Table and Queue storage), traces and exceptions. It must start before the HTTP
 * server and SDK clients are loaded, so the entry point calls it first and imports the app afterwards. Without a
 * connection string (local runs, tests) nothing is loaded at all.
 */
export async function startTelemetry(connectionString: string | undefined, log: Logger): Promise<() => Promise<void>> {
  if (!connectionString) return async () => undefined;
  const { useAzureMonitor, shutdownAzureMonitor } = await import('@azure/monitor-opentelemetry');
  useAzureMonitor({ azureMonitorExporterOptions: { connectionString } });
  log.info('telemetry: exporting to Application Insights');
  return shutdownAzureMonitor;
}
