import { useSearchParams } from 'react-router';
import { Pagination } from '@/components/ui/pagination';
import { ErrorNotice, Loading } from '@/components/ui/status';
import { RequireRole } from '@/features/auth/components/require-role';
import { useOrders } from '@/features/orders/api/get-orders';
import { OrderSummary } from '@/features/orders/components/order-summary';

function MyOrders() {
  const [search] = useSearchParams();
  const page = Math.max(0, Number(search.get('page')) || 0);
  const orders = useOrders({ page });
  if (orders.isPending) return <Loading label="Loading your orders" />;
  if (orders.isError && !orders.data) return <ErrorNotice error={orders.error} onRetry={() => void orders.refetch()} />;
  return (
    <>
      {orders.data.items.length === 0 ? <p>You have no orders yet.</p> : (
        <ol className="orders" aria-label="Orders">
          {orders.data.items.map((order) => <li key={order.id}><OrderSummary order={order} /></li>)}
        </ol>
      )}
      <Pagination page={page} totalPages={orders.data.totalPages} hrefFor={(p) => `?page=${p}`} label="Order pages" />
    </>
  );
}

export function OrdersRoute() {
  return (
    <section aria-labelledby="orders-title">
      <h1 id="orders-title">My orders</h1>
      <RequireRole>
        <MyOrders />
      </RequireRole>
    </section>
  );
}
