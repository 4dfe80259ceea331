import { ErrorNotice, Loading } from '@/components/ui/status';
import { useStats } from '@/features/dashboard/api/get-stats';
import { useStockAlerts } from '@/features/dashboard/api/stock-alerts';
import { Dashboard } from '@/features/dashboard/components/dashboard';
import { StockAlerts } from '@/features/dashboard/components/stock-alerts';

export function DashboardRoute() {
  const stats = useStats();
  const alerts = useStockAlerts();
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Dashboard</h1>
      {stats.isPending ? <Loading label="Loading the figures" />
        : stats.isError && !stats.data ? <ErrorNotice error={stats.error} onRetry={() => void stats.refetch()} />
        : <Dashboard stats={stats.data} />}
      <StockAlerts alerts={alerts} />
    </section>
  );
}
