import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { LiveProblem } from '@/components/live-problem';
import { ErrorNotice } from '@/components/ui/status';
import { useSession } from '@/features/auth/api/session';
import { orderItems, reviewCart } from '@/features/cart/api/cart';
import { cartStore } from '@/features/cart/api/cart-store';
import { CartView } from '@/features/cart/components/cart-view';
import { usePlaceOrder } from '@/features/orders/api/change-orders';
import { useLiveCart } from '../live-cart';

export function CartRoute() {
  const { lines, books, error, refetch, problem } = useLiveCart();
  const placeOrder = usePlaceOrder();
  const navigate = useNavigate();
  const session = useSession();
  const { reset } = placeOrder;
  // A problem from the last checkout is about the cart as it was: a change to the cart clears it.
  useEffect(() => reset(), [lines, reset]);

  const checkout = () =>
    placeOrder.mutate(orderItems(lines), {
      onSuccess: (order) => {
        cartStore.clear();
        navigate(`/orders/${order.id}`, { state: { placed: true } });
      },
    });

  return (
    <>
      {error && <ErrorNotice error={error} onRetry={refetch} />}
      <LiveProblem problem={problem} />
      <CartView
        review={reviewCart(lines, books)}
        checkoutError={placeOrder.error}
        checkingOut={placeOrder.isPending}
        signedIn={session.status === 'signed-in'}
        onCheckout={checkout}
      />
    </>
  );
}
