import type { ModelEntry } from './model-catalog';
import { runEmbeddings } from './run-embeddings';
import { runImageGeneration } from './run-image-generation';
import { runLegacyText } from './run-legacy-text';
import { runOpenaiText } from './run-openai-text';
import { runSpeechRecognition } from './run-speech-recognition';
import { runSpeechSynthesis } from './run-speech-synthesis';
import { runTranslation } from './run-translation';
import type { ModelRequest, ModelRun } from './types';

/** Validates the inputs for the model's family and produces its synthetic output and price. */
export async function runModel(entry: ModelEntry, request: ModelRequest): Promise<ModelRun> {
  const family = entry.family;
  switch (family.kind) {
    case 'legacy-text':
      return runLegacyText(request, family);
    case 'openai-text':
      return runOpenaiText(request, family);
    case 'embedding':
      return runEmbeddings(request, family);
    case 'whisper':
    case 'whisper-turbo':
    case 'nova':
      return runSpeechRecognition(request, family);
    case 'translation':
      return runTranslation(request, family);
    case 'sd-image':
    case 'flux-schnell':
    case 'flux-2':
    case 'leonardo':
      return runImageGeneration(request, family);
    case 'melotts':
    case 'aura':
      return runSpeechSynthesis(request, family);
  }
}
