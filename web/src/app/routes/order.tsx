import { Link, useLocation, useParams } from 'react-router';
import { ErrorNotice, Loading } from '@/components/ui/status';
import { RequireRole } from '@/features/auth/components/require-role';
import { useOrder } from '@/features/orders/api/get-orders';
import { OrderSummary } from '@/features/orders/components/order-summary';

function Order({ id }: { id: string }) {
  const order = useOrder(id);
  const placed = (useLocation().state as { placed?: boolean } | null)?.placed;
  if (order.isPending) return <Loading label="Loading the order" />;
  if (order.isError) return <ErrorNotice error={order.error} onRetry={() => void order.refetch()} />;
  return (
    <section>
      {placed && <p className="notice notice--success" role="status">Thank you! Your order is placed.</p>}
      <OrderSummary order={order.data} />
      <p><Link to="/orders">All my orders</Link> · <Link to="/">Back to the catalog</Link></p>
    </section>
  );
}

export function OrderRoute() {
  const { id = '' } = useParams();
  return (
    <RequireRole>
      <Order id={id} />
    </RequireRole>
  );
}
