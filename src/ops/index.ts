// Public surface of serve-mode operations: health endpoint and graceful shutdown.
export {
  createAdapterStates,
  healthCheckFrom,
  startHealthServer,
  type AdapterState,
  type HealthReport,
  type HealthServer,
  type HealthServerOptions,
  type HealthSources,
} from './health-server.js';
export { installShutdown, type ShutdownHandle, type ShutdownOptions, type ShutdownStep } from './shutdown.js';
