import { ErrorNotice, Loading } from '@/components/ui/status';
import { useStats } from '@/features/dashboard/api/get-stats';
import { useStockAlerts } from '@/features/dashboard/api/stock-alerts';
import { Dashboard } from '@/features/dashboard/components/dashboard';
import { StockAlerts } from '@/features/dashboard/components/stock-alerts';

export function DashboardRoute() {
  const stats = useStats();
  // The live alerts show whether or not the figures could be loaded.
  const alerts = <StockAlerts alerts={useStockAlerts()} />;
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Dashboard</h1>
      {stats.isPending ? <><Loading label="Loading the figures" />{alerts}</>
        : stats.isError && !stats.data ? <><ErrorNotice error={stats.error} onRetry={() => void stats.refetch()} />{alerts}</>
        : <Dashboard stats={stats.data} alerts={alerts} />}
    </section>
  );
}
