// The api's resources as its README describes them: prices in cents, ids as hex strings, dates
// ISO-8601, and a field without a value absent.

export type Role = 'customer' | 'admin';

export interface User {
  id: string;
  username: string;
  email: string;
  role: Role;
}

export interface Book {
  id: string;
  title: string;
  author: string;
  price: number;
  stock: number;
  genre?: string;
  year?: number;
  isbn?: string;
  description?: string;
  coverUrl?: string;
  createdAt?: string;
  updatedAt?: string;
}

export const ORDER_STATUSES = ['pending', 'paid', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderItem {
  bookId: string;
  title: string;
  price: number;
  quantity: number;
}

export interface Order {
  id: string;
  userId: string;
  items: OrderItem[];
  total: number;
  status: OrderStatus;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
}

/** A signed-in user and, when the api handed one to this page, their access token. */
export interface Session {
  user: User;
  token: string | null;
}
