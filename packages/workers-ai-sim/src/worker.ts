import { createSimulator } from './create-simulator';

// One simulator per isolate, so that `wrangler dev` keeps its neuron count and queued faults between
// requests (state is lost when the isolate restarts, which is fine for a dev stand-in).
const simulator = createSimulator();

export default {
  fetch: (request: Request) => simulator.fetch(request),
} satisfies ExportedHandler;
