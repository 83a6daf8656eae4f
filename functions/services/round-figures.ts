import { MetricUnit } from "@aws-lambda-powertools/metrics";
import type { GenerationScope } from "../adapters/dynamodb/keys";
import { stateTallies } from "../adapters/dynamodb/state-tallies";
import { metrics, ROUND_FIGURES } from "../adapters/metrics";
import { addCounts, progressFigures } from "../core/progress";

/** The figures move slowly; once a quarter of an hour per round is enough for the dashboard. */
const EVERY_MS = 15 * 60 * 1000;
const lastPublished = new Map<string, number>();

/**
 * The round's key figures for the operations dashboard (DESIGN.md §7a), from the state tallies (one query
 * per shard): applications in the generation, waiting for units and departments, approved by departments,
 * received by the committee, certified.
 */
export async function publishRoundFigures(scope: GenerationScope, now: Date): Promise<boolean> {
  const last = lastPublished.get(scope.roundId);
  if (last !== undefined && now.getTime() - last < EVERY_MS && now.getTime() >= last) return false;
  const tallies = await stateTallies.all(scope);
  const figures = progressFigures(addCounts(...tallies.map((tally) => tally.counts)));
  // One EMF line with all six, under the round's dimension (cleared again by the publication).
  metrics.addDimension("RoundId", scope.roundId);
  metrics.addMetric(ROUND_FIGURES.applications, MetricUnit.Count, figures.total);
  metrics.addMetric(ROUND_FIGURES.waitingForUnit, MetricUnit.Count, figures.waitingForUnit);
  metrics.addMetric(ROUND_FIGURES.waitingForDepartment, MetricUnit.Count, figures.waitingForDepartment);
  metrics.addMetric(
    ROUND_FIGURES.departmentApproved,
    MetricUnit.Count,
    figures.byState.department_approved ?? 0,
  );
  metrics.addMetric(ROUND_FIGURES.received, MetricUnit.Count, figures.byState.received ?? 0);
  metrics.addMetric(ROUND_FIGURES.certified, MetricUnit.Count, figures.byState.certified ?? 0);
  metrics.publishStoredMetrics();
  lastPublished.set(scope.roundId, now.getTime());
  return true;
}
