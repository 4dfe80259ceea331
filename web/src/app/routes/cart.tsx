import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { ErrorNotice } from '@/components/ui/status';
import { useSession } from '@/features/auth/api/session';
import { useBooksById } from '@/features/books/api/get-book';
import { orderItems, reviewCart } from '@/features/cart/api/cart';
import { cartStore, useCart } from '@/features/cart/api/cart-store';
import { CartView } from '@/features/cart/components/cart-view';
import { usePlaceOrder } from '@/features/orders/api/change-orders';

export function CartRoute() {
  const lines = useCart();
  const { books, error, refetch } = useBooksById(lines.map((line) => line.bookId));
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
