import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '@/testing/render';
import { readCatalogParams } from '../api/catalog-params';
import { CatalogFilters } from './catalog-filters';

const params = readCatalogParams(new URLSearchParams('page=3'));

describe('CatalogFilters', () => {
  it('searches on Enter, from the first page', async () => {
    const onChange = vi.fn();
    renderWithApp(<CatalogFilters params={params} onChange={onChange} />);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search title, author or ISBN' }), 'dune{Enter}');
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ q: 'dune', page: 0 }));
  });

  it('applies a choice at once', async () => {
    const onChange = vi.fn();
    renderWithApp(<CatalogFilters params={params} onChange={onChange} />);
    await userEvent.selectOptions(screen.getByLabelText('Sort by'), 'Price, highest first');
    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ sort: '-price', page: 0 }));
  });

  it('says which filter it cannot read and applies none', async () => {
    const onChange = vi.fn();
    renderWithApp(<CatalogFilters params={params} onChange={onChange} />);
    await userEvent.click(screen.getByText('Filters'));
    await userEvent.type(screen.getByLabelText('Price to (€)'), 'cheap');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(screen.getByLabelText('Price to (€)')).toHaveAccessibleDescription('Enter a price, e.g. 20');
    expect(onChange).not.toHaveBeenCalled();
  });
});
