import { type Scenario, ScenarioError, scenarioAgents } from '../../model';
import { BROWSER_LIMITS } from '../../model/scenario/limits';

/**
 * The browser runs at most BROWSER_LIMITS.maxAgents household agents (the command line takes
 * up to SCENARIO_LIMITS.maxAgents). Throws a ScenarioError at `$.scale` naming the limit.
 */
export function checkBrowserLimits(s: Scenario, file: string): Scenario {
  const agents = scenarioAgents(s);
  if (agents > BROWSER_LIMITS.maxAgents) {
    throw new ScenarioError(file, '$.scale', `a scale large enough for at most ${BROWSER_LIMITS.maxAgents} household agents in the browser (limit; the command line takes more)`, `${agents} agents at scale ${s.scale}`);
  }
  return s;
}
