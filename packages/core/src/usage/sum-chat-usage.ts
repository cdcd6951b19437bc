import { addChatUsage } from './add-chat-usage';
import type { ChatUsage } from './chat-usage';

/** The usage of several calls (or choices) together; `undefined` when none reported any. */
export function sumChatUsage(usages: readonly (ChatUsage | undefined)[]): ChatUsage | undefined {
  let total: ChatUsage | undefined;
  for (const usage of usages) if (usage !== undefined) total = addChatUsage(total, usage);
  return total;
}
