// ESLint: typescript-eslint with type information, plus the house rules that keep the layers apart.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Folders a layer must never import, as no-restricted-imports patterns. */
const forbid = (...folders) => ({
  patterns: folders.map((folder) => ({
    group: [`**/${folder}/*`, `**/${folder}`],
    message: `This layer must not import ${folder}/ (folders follow the data path; see README "Architecture").`,
  })),
});

const EDGES = ["cli", "app", "channels", "agents", "tools", "jobs"];

export default tseslint.config(
  { ignores: ["node_modules/", ".data/", "dist/", "coverage/", ".scratch/", ".langgraph_api/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ["*.js", "bin/*.mjs"] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "error",
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Only config/ reads process.env: take what you need from getConfig()." },
      ],
    },
  },
  // Layer boundaries: engines, db and lib sit at the bottom and import nothing above them.
  // The edges: channels hand messages to the gateway and never reach into delivery jobs or the
  // composition root; agents and tools know no channel; jobs may use channels' senders.
  { files: ["channels/**/*.ts"], rules: { "no-restricted-imports": ["error", forbid("cli", "app", "jobs")] } },
  { files: ["agents/**/*.ts", "tools/**/*.ts"], rules: { "no-restricted-imports": ["error", forbid("cli", "app", "channels", "jobs")] } },
  { files: ["jobs/**/*.ts"], rules: { "no-restricted-imports": ["error", forbid("cli", "app", "agents", "tools")] } },
  { files: ["engines/**/*.ts"], rules: { "no-restricted-imports": ["error", forbid(...EDGES, "demo")] } },
  // Engine tests may load the demo store as data they did not hand-write.
  { files: ["engines/**/*.test.ts"], rules: { "no-restricted-imports": ["error", forbid(...EDGES)] } },
  { files: ["connectors/**/*.ts", "memory/**/*.ts", "demo/**/*.ts"], rules: { "no-restricted-imports": ["error", forbid(...EDGES)] } },
  { files: ["db/**/*.ts"], rules: { "no-restricted-imports": ["error", forbid(...EDGES, "engines", "connectors", "memory", "demo")] } },
  { files: ["lib/**/*.ts"], rules: { "no-restricted-imports": ["error", forbid(...EDGES, "engines", "connectors", "memory", "demo", "db")] } },
  { files: ["config/**/*.ts"], rules: { "no-restricted-imports": ["error", forbid(...EDGES, "engines", "connectors", "memory", "demo", "db", "lib")] } },
  // config/ is the one reader of the environment; benches and scripts print to the console.
  { files: ["config/**/*.ts", "*.config.ts", "*.config.js"], rules: { "no-restricted-properties": "off" } },
  { files: ["bench/**/*.ts", "scripts/**/*.ts"], rules: { "no-console": "off" } },
  // Tests may poke at values loosely.
  {
    files: ["**/*.test.ts", "test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      // Tests that spawn the CLI hand it an environment of their own.
      "no-restricted-properties": "off",
    },
  },
  { files: ["**/*.js", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
);
