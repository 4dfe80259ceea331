// The admin pages, loaded only when an admin opens one: customers never download them.
export { AdminLayout } from '../../admin-layout';
export { AdminBooksRoute } from './books';
export { BookEditRoute } from './book-edit';
export { DashboardRoute } from './dashboard';
export { AdminOrdersRoute } from './orders';
export { AdminUsersRoute } from './users';
