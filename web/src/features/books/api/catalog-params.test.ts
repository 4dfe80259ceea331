import { describe, expect, it } from 'vitest';
import { catalogFilter, catalogQuery, readCatalogParams, writeCatalogParams } from './catalog-params';

describe('catalog params', () => {
  it('round-trips through the URL, prices in euros there and cents for the api', () => {
    const search = new URLSearchParams('q=dune&genre=SF&yearFrom=1960&yearTo=1990&priceMin=5&priceMax=12.5&inStock=true&sort=-price&page=2');
    const params = readCatalogParams(search);
    expect(params).toMatchObject({ priceMin: 500, priceMax: 1250, inStock: true, sort: '-price', page: 2 });
    expect(writeCatalogParams(params).toString()).toBe(search.toString());
    expect(catalogQuery(params)).toMatchObject({ priceMax: 1250, size: 20 });
  });

  it('leaves out what it cannot read, so a mangled link still shows a catalog', () => {
    const params = readCatalogParams(new URLSearchParams('yearFrom=abc&priceMax=-3&sort=$where&page=x&inStock=maybe'));
    expect(params).toEqual({ q: '', genre: '', sort: 'title', page: 0,
      yearFrom: undefined, yearTo: undefined, priceMin: undefined, priceMax: undefined, inStock: undefined });
    expect(writeCatalogParams(params).toString()).toBe('');
  });
});

describe('catalogFilter', () => {
  const filterOf = (search: string) => catalogFilter(readCatalogParams(new URLSearchParams(search)));

  it('is the page’s genre, year, price (cents) and stock filters, as the gateway reads them', () => {
    expect(filterOf('genre=SF&yearFrom=1960&yearTo=1990&priceMin=5&priceMax=12.5&inStock=true&sort=-price&page=2'))
      .toEqual({ genre: ['SF'], year: { min: 1960, max: 1990 }, price: { min: 500, max: 1250 }, stock: { min: 1 } });
    expect(filterOf('priceMax=10&inStock=false')).toEqual({ price: { max: 1000 }, stock: { max: 0 } });
  });

  it('leaves a free-text search out: the page gets every change within its other filters and keeps what matches', () => {
    expect(filterOf('q=dune&genre=SF')).toEqual({ genre: ['SF'] });
    expect(filterOf('q=dune')).toEqual({});
  });
});
