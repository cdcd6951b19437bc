export { createSimulator } from './create-simulator';
export { mapErrorStatus, WORKERS_AI_ERROR_STATUS } from './map-error-status';
export type { Simulator, SimulatorCall, SimulatorFault, SimulatorOptions } from './types';
