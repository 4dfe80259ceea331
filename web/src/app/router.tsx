import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from './layout';
import { LoginRoute, SignupRoute } from './routes/auth';
import { BookRoute } from './routes/book';
import { CartRoute } from './routes/cart';
import { CatalogRoute } from './routes/catalog';
import { NotFoundRoute } from './routes/not-found';
import { OrderRoute } from './routes/order';
import { OrdersRoute } from './routes/orders';

const admin = () => import('./routes/admin');

const router = createBrowserRouter([
  {
    Component: Layout,
    children: [
      { index: true, Component: CatalogRoute },
      { path: 'books/:id', Component: BookRoute },
      { path: 'cart', Component: CartRoute },
      { path: 'orders', Component: OrdersRoute },
      { path: 'orders/:id', Component: OrderRoute },
      { path: 'login', Component: LoginRoute },
      { path: 'signup', Component: SignupRoute },
      {
        path: 'admin',
        lazy: async () => ({ Component: (await admin()).AdminLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await admin()).DashboardRoute }) },
          { path: 'books', lazy: async () => ({ Component: (await admin()).AdminBooksRoute }) },
          { path: 'books/new', lazy: async () => ({ Component: (await admin()).BookEditRoute }) },
          { path: 'books/:id', lazy: async () => ({ Component: (await admin()).BookEditRoute }) },
          { path: 'orders', lazy: async () => ({ Component: (await admin()).AdminOrdersRoute }) },
          { path: 'users', lazy: async () => ({ Component: (await admin()).AdminUsersRoute }) },
        ],
      },
      { path: '*', Component: NotFoundRoute },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
