import { describe, expect, it } from 'vitest';
import { catalogQuery, readCatalogParams, writeCatalogParams } from './catalog-params';

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
