import { attempt, type Attempt, type GitHubClient } from './client.js';

/** `POST /repos/{o}/{r}/deployments/{id}/statuses`, linking the run. */
export async function postDeploymentStatus(
  client: GitHubClient,
  target: { owner: string; repo: string; deploymentId: number; environment: string; logUrl?: string },
  state: 'success' | 'failure',
  description: string,
): Promise<Attempt<{ id: number }>> {
  const answer = await attempt(
    () =>
      client.rest.repos.createDeploymentStatus({
        owner: target.owner,
        repo: target.repo,
        deployment_id: target.deploymentId,
        state,
        description,
        ...(target.environment ? { environment: target.environment } : {}),
        ...(target.logUrl ? { log_url: target.logUrl } : {}),
        // The gate is not the deployer: it must not mark the environment's other deployments inactive.
        auto_inactive: false,
      }),
    { idempotent: false },
  );
  return answer.ok ? { ok: true, value: { id: answer.value.data.id } } : answer;
}
