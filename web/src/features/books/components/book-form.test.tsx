import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ProblemError } from '@/lib/api-client';
import { book } from '@/testing/data';
import { renderWithApp } from '@/testing/render';
import { BookForm } from './book-form';

describe('BookForm', () => {
  it('sends a price typed in euros as cents', async () => {
    const onSave = vi.fn();
    renderWithApp(<BookForm saving={false} error={null} onSave={onSave} />);
    await userEvent.type(screen.getByLabelText('Title'), 'Dune');
    await userEvent.type(screen.getByLabelText('Author'), 'Frank Herbert');
    await userEvent.type(screen.getByLabelText('Price (€)'), '12.99');
    await userEvent.type(screen.getByLabelText('Stock'), '4');
    await userEvent.click(screen.getByRole('button', { name: 'Create book' }));
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ title: 'Dune', price: 1299, stock: 4, genre: undefined }));
  });

  it('says beside the field what it cannot read, and sends nothing', async () => {
    const onSave = vi.fn();
    renderWithApp(<BookForm book={book()} saving={false} error={null} onSave={onSave} />);
    const price = screen.getByLabelText('Price (€)');
    await userEvent.clear(price);
    await userEvent.type(price, 'twelve');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(price).toHaveAccessibleDescription('Enter a price in euros, e.g. 12.99');
    expect(price).toBeInvalid();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('shows the api’s per-field problems beside their fields', () => {
    const problem = new ProblemError(409, 'isbn: is already in use', [
      { field: 'isbn', message: 'is already in use' },
      { field: 'price', message: 'must be greater than or equal to 0' },
    ]);
    renderWithApp(<BookForm book={book()} saving={false} error={problem} onSave={vi.fn()} />);
    expect(screen.getByLabelText('ISBN')).toHaveAccessibleDescription(expect.stringContaining('is already in use'));
    expect(screen.getByLabelText('Price (€)')).toHaveAccessibleDescription('must be greater than or equal to 0');
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing was saved');
  });
});
