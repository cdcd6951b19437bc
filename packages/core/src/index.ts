// The public surface of core, listed by name so a reader sees what the gateways depend on.

export type { AiBinding, GatewayEnv } from './config/gateway-env';
export { DEFAULT_API_BASE, type GatewayConfig, parseConfig, type UpstreamMode } from './config/parse-config';
export type {
  ClientSetting,
  DashboardModel,
  DashboardOptions,
  DashboardPage,
} from './dashboard/dashboard-types';
export { escapeHtml } from './dashboard/escape-html';
export { prefersHtml } from './dashboard/prefers-html';
export { renderDashboard } from './dashboard/render-dashboard';
export { renderModelOptions } from './dashboard/render-model-options';
export { formatDeeplLanguage } from './deepl/format-deepl-language';
export { type DeeplLanguageEntry, listDeeplLanguages } from './deepl/list-deepl-languages';
export { M2M100_LANGUAGES } from './deepl/m2m100-languages';
export { type MappedLanguage, mapDeeplLanguage } from './deepl/map-deepl-language';
export { DEEPL_MAX_TEXTS, parseDeeplTranslateRequest } from './deepl/parse-deepl-translate-request';
export { parseDeeplxRequest } from './deepl/parse-deeplx-request';
export { parseImmeRequest } from './deepl/parse-imme-request';
export { parseLanguageField } from './deepl/parse-language-field';
export { renderDeeplError } from './deepl/render-deepl-error';
export { renderDeeplxError } from './deepl/render-deeplx-error';
export { resolveDeeplLanguage } from './deepl/resolve-deepl-language';
export type { TranslationRequest } from './deepl/translation-request';
export { validateFields } from './deepl/validate-fields';
export { decodeBase64 } from './encoding/decode-base64';
export { encodeBase64 } from './encoding/encode-base64';
export { GatewayError, invalidRequest, toGatewayError } from './errors/gateway-error';
export {
  type AuthenticateOptions,
  authenticate,
  type Caller,
  extractClientKey,
  matchesAnyKey,
} from './http/authenticate';
export { handlePreflight, mutable, withCors } from './http/cors';
export { createGatewayRouter, type GatewayRouterOptions } from './http/create-gateway-router';
export { type GatewayRequest, type RequestState, requestConfig } from './http/gateway-request';
export { guardBudget } from './http/guard-budget';
export { logRequest } from './http/log-request';
export { noteExhaustion } from './http/note-exhaustion';
export { BODY_LIMITS, readBodyBytes, readFormBody, readJsonBody } from './http/read-body';
export { requestLedger } from './http/request-ledger';
export { upstreamFor } from './http/upstream-for';
export { withLedger } from './http/with-ledger';
export { isExhaustionError } from './ledger/is-exhaustion-error';
export { type GatewayLedger, type LedgerEnv, type LedgerOptions, ledgerFor } from './ledger/ledger-for';
export type {
  LedgerCallOptions,
  LedgerCharge,
  LedgerScope,
  LedgerState,
  LedgerUsage,
  LedgerUsageOptions,
} from './ledger/ledger-types';
export { NeuronLedger } from './ledger/neuron-ledger';
export { renderUsage } from './ledger/render-usage';
export { type UtcDay, utcDay } from './ledger/utc-day';
export {
  type ChatGenerationSource,
  convertToWorkersAiChatInput,
  type WorkersAiChatCall,
} from './openai/convert-to-workers-ai-chat-input';
export {
  convertToWorkersAiSpeechInput,
  type WorkersAiSpeechCall,
} from './openai/convert-to-workers-ai-speech-input';
export { convertToWorkersAiTranscriptionInput } from './openai/convert-to-workers-ai-transcription-input';
export { createChatCompletionEventStream } from './openai/create-chat-completion-event-stream';
export {
  type ChatCompletionStreamOptions,
  type ChatStreamPart,
  type ChatToolCallDelta,
  createChatCompletionStream,
} from './openai/create-chat-completion-stream';
export { createChatStreamPartsFromResult } from './openai/create-chat-stream-parts-from-result';
export { createStopSequenceFilter, type StopSequenceFilter } from './openai/create-stop-sequence-filter';
export { createThinkTagParser, type ThinkTagParser } from './openai/create-think-tag-parser';
export {
  type ChatCompletionStreamFraming,
  encodeChatCompletionStream,
} from './openai/encode-chat-completion-stream';
export { encodeEmbeddingBase64 } from './openai/encode-embedding-base64';
export { formatTranscription } from './openai/format-transcription';
export { type InlineChatImageOptions, inlineChatImageUrls } from './openai/inline-chat-image-urls';
export { type ChatFinishReason, mapChatFinishReason } from './openai/map-chat-finish-reason';
export {
  type ChatCallResult,
  type ChatChoiceResult,
  mapWorkersAiChatResponse,
} from './openai/map-workers-ai-chat-response';
export {
  type ChatToolCall,
  createToolCallId,
  mapWorkersAiChatToolCall,
} from './openai/map-workers-ai-chat-tool-call';
export { mapWorkersAiChatUsage } from './openai/map-workers-ai-chat-usage';
export { mapWorkersAiEmbeddingResponse } from './openai/map-workers-ai-embedding-response';
export { mapWorkersAiTranscription, type Transcription } from './openai/map-workers-ai-transcription';
export { mergeChatCompletionStreams } from './openai/merge-chat-completion-streams';
export {
  type ChatCompletionMessage,
  type ChatCompletionRequest,
  parseChatCompletionRequest,
} from './openai/parse-chat-completion-request';
export { type CompletionRequest, parseCompletionRequest } from './openai/parse-completion-request';
export { type EmbeddingRequest, parseEmbeddingRequest } from './openai/parse-embedding-request';
export { parseSpeechRequest, type SpeechRequest } from './openai/parse-speech-request';
export {
  parseTranscriptionRequest,
  type TranscriptionFormat,
  type TranscriptionRequest,
} from './openai/parse-transcription-request';
export { renderOpenAiError } from './openai/render-openai-error';
export { validateOpenAiRequestBody } from './openai/validate-openai-request-body';
export { addChatUsage } from './usage/add-chat-usage';
export type { ChatUsage } from './usage/chat-usage';
export { estimateChatUsage } from './usage/estimate-chat-usage';
export { estimateTokens } from './usage/estimate-tokens';
export { sumChatUsage } from './usage/sum-chat-usage';
export type {
  CatalogModel,
  ImageLimits,
  ModelCapabilities,
  ModelFamily,
  ModelPrices,
  ModelStatus,
  ModelUsage,
  Task,
} from './workers-ai/catalog/catalog-model';
export { DEFAULT_MODELS } from './workers-ai/catalog/default-models';
export { describeModel } from './workers-ai/catalog/describe-model';
export { estimateNeurons } from './workers-ai/catalog/estimate-neurons';
export { findModel } from './workers-ai/catalog/find-model';
export { type ListModelsOptions, listModels } from './workers-ai/catalog/list-models';
export { MODEL_CATALOG } from './workers-ai/catalog/model-catalog';
export { OPENAI_MODEL_ALIASES } from './workers-ai/catalog/openai-model-aliases';
export { parseModelAliases } from './workers-ai/catalog/parse-model-aliases';
export {
  type ResolvedModel,
  type ResolveModelOptions,
  resolveModel,
} from './workers-ai/catalog/resolve-model';
export { type ListedModel, toListedModel } from './workers-ai/catalog/to-listed-model';
export {
  createWorkersAiClient,
  type WorkersAiBinding,
  type WorkersAiBytesInputs,
  type WorkersAiClient,
  type WorkersAiClientOptions,
  type WorkersAiInputs,
  type WorkersAiMultipartInputs,
  type WorkersAiResult,
  type WorkersAiRunOptions,
} from './workers-ai/client/create-workers-ai-client';
export { sniffContentType } from './workers-ai/client/sniff-content-type';
export {
  mapWorkersAiError,
  type WorkersAiFailure,
  type WorkersAiMode,
} from './workers-ai/errors/map-workers-ai-error';
export {
  parseWorkersAiError,
  type WorkersAiErrorDetails,
  type WorkersAiErrorSource,
} from './workers-ai/errors/parse-workers-ai-error';
export { createSseEncoderStream } from './workers-ai/sse/create-sse-encoder-stream';
export { decodeSseStream, type SseEvent } from './workers-ai/sse/decode-sse-stream';
export { encodeSseEvent } from './workers-ai/sse/encode-sse-event';
export { type JsonEventStreamItem, parseJsonEventStream } from './workers-ai/sse/parse-json-event-stream';
