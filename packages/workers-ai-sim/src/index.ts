export { createSimulator } from './create-simulator';
export type { Simulator, SimulatorCall, SimulatorFault, SimulatorOptions } from './types';
