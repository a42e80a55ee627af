/** The conversation eval's public API, for the floor test and the CLI. */
export { evalCaseSchema, expectationSchema, EXPECTED_AGENTS, KINDS, type EvalCase, type Expectation, type Kind } from "./case-schema.ts";
export { DEFAULT_DATASET, DEFAULT_NOW, DEFAULT_WORKSPACE, DatasetError, loadDataset, parseDataset, selectCases } from "./dataset.ts";
export { EVAL_ORDERS, EVAL_SEED, prepareEvalDatabase, type EvalDatabaseMode } from "./database.ts";
export { expectedValues, metricKeyValues } from "./expected-values.ts";
export { formatReport, reportJson, type Accuracy, type CaseFailure, type DimensionAccuracy, type EvalReport } from "./report.ts";
export { runEval, type ActualTurn, type CaseResult, type EvalDeps } from "./run-eval.ts";
export { loadRuntimeFactory, type RuntimeDeps, type RuntimeFactory } from "./run.ts";
export { kindOf } from "./scorers/kind.ts";
export { DIMENSIONS, type Dimension, type Score } from "./scorers/types.ts";
export { runToolByFactory, type ExpectedToolRunner } from "./tool-runner.ts";
