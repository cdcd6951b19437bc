import { createSimulator } from '@workers-ai-gateways/workers-ai-sim';

// One simulator per isolate keeps queued faults between requests (`POST /__sim/faults`).
const simulator = createSimulator({ dailyNeuronLimit: Number.MAX_SAFE_INTEGER });

export default {
  fetch: (request: Request) => simulator.fetch(request),
} satisfies ExportedHandler;
