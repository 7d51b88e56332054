/**
 * The package's public API (`import … from 'cs229-dl-conformance'`): the Implementation interface
 * and its plain types, the checks, the runner and its verdict, the two adapters (a program over
 * stdio, a module), and the report writers. Everything else is internal and may change.
 */

export { type ModuleOptions, moduleImplementation } from './adapters/module.js';
export { PROTOCOL_VERSION, type StdioOptions, stdioImplementation } from './adapters/stdio.js';
export { CHECKS } from './checks/index.js';
export type { Check, Status } from './core/check.js';
export { STATUSES } from './core/check.js';
export type {
  Activation,
  Conventions,
  DataSet,
  Dtype,
  ForwardBatchRequest,
  ForwardBatchResult,
  ForwardRequest,
  ForwardResult,
  GdStepRequest,
  GradientRequest,
  Implementation,
  InitializeRequest,
  LossRequest,
  LossResult,
  Matrix,
  MeanGradientRequest,
  MinibatchStepRequest,
  NetParams,
  OperationName,
  Operations,
  SampleBatchRequest,
  SgdStepRequest,
  TrainRequest,
  TrainResult,
  Vector,
} from './core/interface.js';
export { ACTIVATIONS, capabilities, DTYPES, OPERATION_NAMES } from './core/interface.js';
export { type CheckResult, DEFAULT_RUNS, DEFAULT_SEED, EXIT_CODES, failed, type RunOptions, runChecks, runVerdict } from './core/runner.js';
export { runSuite, type SuiteOptions, type SuiteRun } from './core/suite.js';
export { type EntryCoverage, specCoverage } from './report/coverage.js';
export { type JsonReport, jsonReport, REPORT_SCHEMA, REPORT_VERSION, type ReportInput, serializeReport } from './report/json.js';
export { junitReport } from './report/junit.js';
export { formatTable, type TableInput } from './report/table.js';
