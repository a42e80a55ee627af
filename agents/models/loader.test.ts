import { AIMessage } from "@langchain/core/messages";
import { fakeModel } from "@langchain/core/testing";
import { ChatOpenAI } from "@langchain/openai";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config/index.ts";
import { createModelLoader, MODEL_TASKS, ModelConfigurationError, type ModelTask } from "./loader.ts";
import { AnthropicChatModel } from "./providers/anthropic-chat-model.ts";

describe("createModelLoader", () => {
  it("prefers overrides, makes each task's model once, and describes the choice", async () => {
    const settings = loadConfig({}).models;
    const router = fakeModel().respond(new AIMessage({ id: "scripted-1", content: "Hi! Ask me about sales." }));
    const made: ModelTask[] = [];
    const loader = createModelLoader(settings, {
      offline: (task) => {
        made.push(task);
        return fakeModel();
      },
      overrides: { router },
    });

    expect(loader.modelFor("router")).toBe(router);
    expect((await loader.modelFor("router").invoke("hello")).content).toBe("Hi! Ask me about sales.");
    expect(router.callCount).toBe(1);

    const analytics = loader.modelFor("analytics");
    expect(loader.modelFor("analytics")).toBe(analytics);
    expect(made).toEqual(["analytics"]);
    expect(loader.describe()).toEqual({
      router: "override:fake-model-builder",
      analytics: "offline",
      marketing: "offline",
      commerce: "offline",
      writer: "offline",
    });
    expect(Object.keys(loader.describe())).toEqual([...MODEL_TASKS]);
  });

  it("builds OpenAI and Anthropic models from the settings without calling them", () => {
    const settings = loadConfig({
      OPENAI_API_KEY: "sk-fake",
      OPENAI_BASE_URL: "http://127.0.0.1:9/v1",
      ANTHROPIC_API_KEY: "sk-ant-fake",
      ANTHROPIC_BASE_URL: "http://127.0.0.1:9",
      BIZOS_MODEL_ROUTER: "openai:gpt-4.1-nano",
      BIZOS_MODEL_WRITER: "offline",
    }).models;
    const offline = fakeModel();
    const loader = createModelLoader(settings, { offline: () => offline, maxRetries: 0 });

    const router = loader.modelFor("router");
    expect(router).toBeInstanceOf(ChatOpenAI);
    expect(router instanceof ChatOpenAI && router.model).toBe("gpt-4.1-nano");

    const analytics = loader.modelFor("analytics");
    expect(analytics).toBeInstanceOf(AnthropicChatModel);
    expect(analytics).toMatchObject({ model: "claude-sonnet-5-5", baseURL: "http://127.0.0.1:9", maxTokens: 2048 });
    expect(loader.modelFor("writer")).toBe(offline);

    const described = loader.describe();
    expect(described).toMatchObject({ router: "openai:gpt-4.1-nano", analytics: "anthropic:claude-sonnet-5-5", writer: "offline" });
    expect(JSON.stringify(described)).not.toContain("fake");
  });

  it("refuses a provider without its key when settings are built by hand", () => {
    const settings = loadConfig({}).models;
    const loader = createModelLoader({ ...settings, tasks: { ...settings.tasks, marketing: { provider: "anthropic", model: "claude-sonnet-5-5" } } }, { offline: () => fakeModel() });
    expect(() => loader.modelFor("marketing")).toThrow(ModelConfigurationError);
    expect(() => loader.modelFor("marketing")).toThrow(/ANTHROPIC_API_KEY/);
  });
});
