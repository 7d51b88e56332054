/**
 * The package's public API (`import … from 'cs229-dl-conformance'`): the Implementation interface
 * and its plain types, the checks, the runner and its verdict, the two adapters (a program over
 * stdio, a module), and the report writers. Everything else is internal and may change.
 */
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
export { ACTIVATIONS, DTYPES, OPERATION_NAMES, capabilities } from './core/interface.js';
export type { Check, Status } from './core/check.js';
export { STATUSES } from './core/check.js';
export { CHECKS } from './checks/index.js';
export { DEFAULT_RUNS, DEFAULT_SEED, EXIT_CODES, failed, runChecks, runVerdict, type CheckResult, type RunOptions } from './core/runner.js';
export { runSuite, type SuiteOptions, type SuiteRun } from './core/suite.js';
export { stdioImplementation, PROTOCOL_VERSION, type StdioOptions } from './adapters/stdio.js';
export { moduleImplementation, type ModuleOptions } from './adapters/module.js';
export { jsonReport, serializeReport, REPORT_SCHEMA, REPORT_VERSION, type JsonReport, type ReportInput } from './report/json.js';
export { junitReport } from './report/junit.js';
export { formatTable, type TableInput } from './report/table.js';
export { specCoverage, type EntryCoverage } from './report/coverage.js';
