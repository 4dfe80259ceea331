import { ErrorNotice, Loading } from '@/components/ui/status';
import { useStats } from '@/features/dashboard/api/get-stats';
import { Dashboard } from '@/features/dashboard/components/dashboard';

export function DashboardRoute() {
  const stats = useStats();
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Dashboard</h1>
      {stats.isPending ? <Loading label="Loading the figures" />
        : stats.isError && !stats.data ? <ErrorNotice error={stats.error} onRetry={() => void stats.refetch()} />
        : <Dashboard stats={stats.data} />}
    </section>
  );
}
