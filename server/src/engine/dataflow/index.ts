// Bar-offset dataflow: which values read the future, and which of them decide a trade or feed a model.
export { analyzeDataflow, type DataflowResult, type FitRecord, type Leak } from './analyze';
export type { Source, Value } from './value';
