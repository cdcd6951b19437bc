// The public surface of core: exactly what the gateways import, listed by name so a reader sees
// what they depend on. Export a name here when an app starts to use it; test support lives in
// ./testing (`@workers-ai-gateways/core/testing`).

export { convertMessagesToChatRequest } from './anthropic/convert-messages-to-chat-request';
export { createMessagesFramer, type MessagesStreamFraming } from './anthropic/create-messages-framer';
export { mapChatChoiceToMessage } from './anthropic/map-chat-choice-to-message';
export {
  type MessagesCountTokensRequest,
  type MessagesRequest,
  parseMessagesCountTokensRequest,
  parseMessagesRequest,
} from './anthropic/parse-messages-request';
export { renderAnthropicError } from './anthropic/render-anthropic-error';
export type { GatewayEnv } from './config/gateway-env';
export type { ClientSetting, DashboardOptions } from './dashboard/dashboard-types';
export { prefersHtml } from './dashboard/prefers-html';
export { renderDashboard } from './dashboard/render-dashboard';
export { renderModelOptions } from './dashboard/render-model-options';
export { formatDeeplLanguage } from './deepl/format-deepl-language';
export { listDeeplLanguages } from './deepl/list-deepl-languages';
export { parseDeeplTranslateRequest } from './deepl/parse-deepl-translate-request';
export { parseDeeplxRequest } from './deepl/parse-deeplx-request';
export { parseImmeRequest } from './deepl/parse-imme-request';
export { renderDeeplError } from './deepl/render-deepl-error';
export { renderDeeplxError } from './deepl/render-deeplx-error';
export { resolveDeeplLanguage } from './deepl/resolve-deepl-language';
export type { Formality, TranslationRequest } from './deepl/translation-request';
export { concatBytes } from './encoding/concat-bytes';
export { decodeBase64 } from './encoding/decode-base64';
export { encodeBase64 } from './encoding/encode-base64';
export { GatewayError, invalidRequest, toGatewayError } from './errors/gateway-error';
export { extractClientKey } from './http/authenticate';
export { canonicalPathname } from './http/canonical-pathname';
export { chargeRoute } from './http/charge-route';
export { createGatewayRouter } from './http/create-gateway-router';
export { ensurePassthroughTokenAccepted } from './http/ensure-passthrough-token-accepted';
export type { GatewayHome } from './http/gateway-home';
export { type GatewayRequest, requestConfig } from './http/gateway-request';
export { guardBudget } from './http/guard-budget';
export { listGatewayModels } from './http/list-gateway-models';
export { noteExhaustion } from './http/note-exhaustion';
export { noteSessionAffinity } from './http/note-session-affinity';
export { BODY_LIMITS, readBodyBytes, readFormBody, readJsonBody } from './http/read-body';
export { type RecordUsageOptions, recordUsage, type UsageRecord } from './http/record-usage';
export { requestLedger } from './http/request-ledger';
export { type FallbackOutcome, runWithFallbacks } from './http/run-with-fallbacks';
export { upstreamFor } from './http/upstream-for';
export { withLedger } from './http/with-ledger';
export type { LedgerEnv } from './ledger/ledger-for';
export type { LedgerUsage } from './ledger/ledger-types';
export { NeuronLedger } from './ledger/neuron-ledger';
export { renderUsage } from './ledger/render-usage';
export { buildResponseObject, type ResponseTemplate } from './openai/build-response-object';
export type {
  ChatPartSource,
  ChatStreamFramer,
  ChatStreamPart,
  ChatStreamPartOptions,
  ChatStreamPartSink,
  ChatToolCallDelta,
} from './openai/chat-stream-part';
export {
  type ConvertedResponsesRequest,
  convertResponsesToChatRequest,
  type ResponsesContext,
} from './openai/convert-responses-to-chat-request';
export {
  convertToWorkersAiChatInput,
  type WorkersAiChatCall,
} from './openai/convert-to-workers-ai-chat-input';
export { convertToWorkersAiSpeechInput } from './openai/convert-to-workers-ai-speech-input';
export { convertToWorkersAiTranscriptionInput } from './openai/convert-to-workers-ai-transcription-input';
export {
  type ChatCompletionStreamFraming,
  createChatCompletionFramer,
} from './openai/create-chat-completion-framer';
export { createChatEventStream } from './openai/create-chat-event-stream';
export { createResponsesFramer, type ResponsesStreamFraming } from './openai/create-responses-framer';
export { createResultChatPartSource } from './openai/create-result-chat-part-source';
export { createUpstreamChatPartSource } from './openai/create-upstream-chat-part-source';
export { describeOpenAiClients } from './openai/describe-openai-clients';
export { encodeEmbeddingBase64 } from './openai/encode-embedding-base64';
export { formatTranscription } from './openai/format-transcription';
export { inlineChatImageUrls } from './openai/inline-chat-image-urls';
export { mapChatChoiceToResponseOutput } from './openai/map-chat-choice-to-response-output';
export {
  type ChatCallResult,
  type ChatChoiceResult,
  mapWorkersAiChatResponse,
} from './openai/map-workers-ai-chat-response';
export {
  type EmbeddingVector,
  mapWorkersAiEmbeddingResponse,
} from './openai/map-workers-ai-embedding-response';
export { mapWorkersAiTranscription } from './openai/map-workers-ai-transcription';
export {
  type ChatCompletionMessage,
  type ChatCompletionRequest,
  type ChatCompletionTool,
  parseChatCompletionRequest,
} from './openai/parse-chat-completion-request';
export { parseCompletionRequest } from './openai/parse-completion-request';
export { parseEmbeddingRequest } from './openai/parse-embedding-request';
export {
  parseResponsesRequest,
  type ResponsesInputItem,
  type ResponsesRequest,
} from './openai/parse-responses-request';
export { parseSpeechRequest } from './openai/parse-speech-request';
export { parseTranscriptionRequest } from './openai/parse-transcription-request';
export { type EmbeddingList, renderEmbeddingList } from './openai/render-embedding-list';
export { renderOpenAiError } from './openai/render-openai-error';
export type { ChatUsage } from './usage/chat-usage';
export { estimateChatUsage } from './usage/estimate-chat-usage';
export { estimateTokens } from './usage/estimate-tokens';
export { sumChatUsage } from './usage/sum-chat-usage';
export type { CatalogModel, ImageLimits, ModelFamily, ModelUsage } from './workers-ai/catalog/catalog-model';
export { DEFAULT_MODELS } from './workers-ai/catalog/default-models';
export { describeModel } from './workers-ai/catalog/describe-model';
export { estimateNeurons } from './workers-ai/catalog/estimate-neurons';
export { findModel } from './workers-ai/catalog/find-model';
export { listModels } from './workers-ai/catalog/list-models';
export { type ResolvedModel, resolveModel } from './workers-ai/catalog/resolve-model';
export type { WorkersAiInputs, WorkersAiResult } from './workers-ai/client/create-workers-ai-client';
export { JsonVectorText, parseJsonKeepingVectors } from './workers-ai/client/parse-json-keeping-vectors';
export { sniffContentType } from './workers-ai/client/sniff-content-type';
