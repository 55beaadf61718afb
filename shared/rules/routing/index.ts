// Public entry of the routing optimizer (pure; runs in Node and in a Web Worker).
export type { Clock, Job, Plan, PlanMetrics, PlannedRoute, RoutingProblem, TimeWindow, TravelMatrix, Vehicle } from './model';
export { validateProblem, RoutingProblemSchema, type ValidationResult } from './validate';
export { parseSolomon, solomonToProblem, formatSolomonErrors, type SolomonInstance, type SolomonCustomer, type SolomonError, type SolomonParseResult } from './solomon';
export { checkPlan, type CheckOptions, type CheckResult, type Violation, type ViolationKind, type RouteSchedule, type Stop } from './check';
export { solve, InvalidProblemError, DEFAULT_RUIN, type SolveOptions, type SolveResult } from './solver';
export { suggestInsertions, type InsertionSuggestion, type SuggestOptions } from './suggest';
