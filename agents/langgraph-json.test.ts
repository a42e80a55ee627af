import { readFileSync } from "node:fs";
import path from "node:path";
import { CompiledStateGraph } from "@langchain/langgraph";
import { expect, it } from "vitest";
import { z } from "zod";

const ROOT = path.resolve(import.meta.dirname, "..");
const langgraphJson = z.object({ node_version: z.string(), graphs: z.record(z.string(), z.string().regex(/^\.\/.+\.ts:\w+$/)) });

it("langgraph.json names every graph, and each loads as a compiled graph with its nodes", async () => {
  const config = langgraphJson.parse(JSON.parse(readFileSync(path.join(ROOT, "langgraph.json"), "utf8")));
  expect(Object.keys(config.graphs).sort()).toEqual(["analytics", "commerce_ops", "marketing", "memory", "notifications", "supervisor"]);
  for (const [name, target] of Object.entries(config.graphs)) {
    const [file, exportName] = target.split(":");
    const module = z.record(z.string(), z.unknown()).parse(await import(path.join(ROOT, file ?? "")));
    const graph = module[exportName ?? ""];
    expect(graph, `${name} → ${target}`).toBeInstanceOf(CompiledStateGraph);
    if (!(graph instanceof CompiledStateGraph)) continue;
    const nodes = Object.keys(graph.getGraph().nodes);
    if (name === "supervisor") expect(nodes).toEqual(expect.arrayContaining(["router", "analytics", "marketing", "commerce_ops", "notifications", "memory", "finish", "compact"]));
    else expect(nodes).toEqual(expect.arrayContaining(["model", "tools"]));
  }
});
