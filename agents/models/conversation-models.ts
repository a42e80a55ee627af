/** The models a conversation runs with: the configured providers per task, the offline model by default. */
import type { ModelSource } from "../shared/configuration.ts";
import { createModelLoader, type ModelSettings } from "./loader.ts";
import { OfflineChatModel } from "./offline/chat-model.ts";

export function createConversationModels(settings: ModelSettings): ModelSource {
  return createModelLoader(settings, { offline: () => new OfflineChatModel() });
}
