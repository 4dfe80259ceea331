import type { FilterProblem } from '@/lib/live/subscriptions';

/**
 * Said on a screen whose live subscription the gateway refused: what it shows will not change by
 * itself. The details (the field, the gateway's words) are for developers, in the console.
 */
export function LiveProblem({ problem }: { problem: FilterProblem | null }) {
  if (!problem) return null;
  return (
    <p className="notice notice--warning" role="alert">
      Live updates are off for this page: reload it to see the latest changes.
    </p>
  );
}
