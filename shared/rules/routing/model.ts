// The routing model: vehicles (staff), jobs (visits), a travel matrix and the plan the optimizer returns.
// Locations are indices into the matrix; times and durations share one unit (Solomon: abstract units).

/** Square matrices in row-major order: `distance[from * size + to]`. Duration defaults to distance. */
export interface TravelMatrix {
  size: number;
  distance: ArrayLike<number>;
  duration?: ArrayLike<number>;
}

/** A closed interval [start, end] in which a service may START (arrival earlier waits until start). */
export type TimeWindow = readonly [number, number];

export interface Vehicle {
  id: string;
  startLocation: number;
  endLocation: number;
  /** The vehicle leaves its start no earlier than shiftStart and must reach its end by shiftEnd. */
  shiftStart: number;
  shiftEnd: number;
  capacity: number;
  skills?: readonly string[];
  /** Added to the cost when the vehicle is used (0 by default: pure distance objective). */
  fixedCost?: number;
  /** Already-started (or otherwise frozen) visits, in order, at the head of the route: never moved or removed. */
  lockedJobIds?: readonly string[];
}

export interface Job {
  id: string;
  location: number;
  /** Sorted, non-overlapping windows for the start of service; none means "any time within the shift". */
  timeWindows?: readonly TimeWindow[];
  service: number;
  demand?: number;
  /** Every listed skill must be in the vehicle's skills. */
  skills?: readonly string[];
  /** Fixed assignment: only this vehicle may serve the job (its position is still optimized). */
  vehicleId?: string;
}

export interface RoutingProblem {
  name?: string;
  vehicles: readonly Vehicle[];
  jobs: readonly Job[];
  matrix: TravelMatrix;
}

export interface PlannedRoute {
  vehicleId: string;
  jobIds: string[];
}

/** A plan: one entry per used vehicle (job order = visiting order) and the jobs left unassigned. */
export interface Plan {
  routes: PlannedRoute[];
  unassigned: string[];
}

export interface PlanMetrics {
  /** Sum of matrix distances over every used route, depot legs included. */
  distance: number;
  /** Sum of matrix durations (travel only). */
  travelTime: number;
  vehicles: number;
  unassigned: number;
}

/** A monotone clock in milliseconds, injected by the caller (performance.now in Node or a Worker). */
export type Clock = () => number;
