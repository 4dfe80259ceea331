import { useSearchParams } from 'react-router';
import { SelectField } from '@/components/ui/field';
import { Pagination } from '@/components/ui/pagination';
import { ErrorNotice, Loading } from '@/components/ui/status';
import { useOrders } from '@/features/orders/api/get-orders';
import { OrderAdminTable } from '@/features/orders/components/order-admin-table';
import { statusLabel } from '@/features/orders/components/order-status';
import { ORDER_STATUSES, type OrderStatus } from '@/types/api';

export function AdminOrdersRoute() {
  const [search, setSearch] = useSearchParams();
  const wanted = search.get('status');
  const status = ORDER_STATUSES.find((value) => value === wanted);
  const page = Math.max(0, Number(search.get('page')) || 0);
  const orders = useOrders({ status, page });
  const hrefFor = (p: number) => `?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) })}`;
  return (
    <section aria-labelledby="admin-orders-title">
      <h1 id="admin-orders-title">Orders</h1>
      <SelectField label="Status" value={status ?? ''}
        onChange={(event) => setSearch(event.target.value ? { status: event.target.value as OrderStatus } : {})}>
        <option value="">All</option>
        {ORDER_STATUSES.map((value) => <option key={value} value={value}>{statusLabel(value)}</option>)}
      </SelectField>
      {orders.isPending ? <Loading label="Loading orders" />
        : orders.isError && !orders.data ? <ErrorNotice error={orders.error} onRetry={() => void orders.refetch()} />
        : (
          <>
            {orders.data.items.length === 0 ? <p>No orders.</p> : <OrderAdminTable orders={orders.data.items} />}
            <Pagination page={page} totalPages={orders.data.totalPages} hrefFor={hrefFor} label="Order pages" />
          </>
        )}
    </section>
  );
}
