/**
 * The solution feature's entry: what `crmkit solution` calls. Packing per client and checking a
 * zip, each one call with a typed options object and plain callbacks.
 */
export { SOLUTION_VERSION_RULE, parseSolutionVersion } from './version';
export { formatFindings, type Finding } from './findings';
export {
  packClients,
  type PackageKind,
  type PackClientsOptions,
  type WrittenSolution,
} from './node/pack-clients';
export { checkSolutionFile, type CheckFileOptions, type SolutionCheckReport } from './node/check-file';
