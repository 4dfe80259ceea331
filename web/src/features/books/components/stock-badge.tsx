export function StockBadge({ stock }: { stock: number }) {
  if (stock <= 0) return <span className="stock stock--out">Out of stock</span>;
  if (stock <= 3) return <span className="stock stock--low">Only {stock} left</span>;
  return <span className="stock stock--in">In stock ({stock})</span>;
}
