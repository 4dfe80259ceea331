import { type FormEvent, useEffect, useState } from 'react';
import { SelectField, TextField } from '@/components/ui/field';
import { type CatalogParams, readCatalogParams, type Sort, SORTS, writeCatalogParams } from '../api/catalog-params';

interface CatalogFiltersProps {
  params: CatalogParams;
  /** Shows the catalog for new params (the page puts them in the URL). */
  onChange: (params: CatalogParams) => void;
}

type Draft = Record<'q' | 'genre' | 'yearFrom' | 'yearTo' | 'priceMin' | 'priceMax', string>;

function draftOf(params: CatalogParams): Draft {
  const search = writeCatalogParams(params);
  const value = (name: string) => search.get(name) ?? '';
  return { q: value('q'), genre: value('genre'), yearFrom: value('yearFrom'), yearTo: value('yearTo'), priceMin: value('priceMin'), priceMax: value('priceMax') };
}

/**
 * Search and filters. Text fields apply on submit (Enter or the button); choices apply at once.
 * A value that cannot be read is said beside its field and not applied.
 */
export function CatalogFilters({ params, onChange }: CatalogFiltersProps) {
  const [draft, setDraft] = useState(() => draftOf(params));
  const [errors, setErrors] = useState<Partial<Draft>>({});
  // Back, forward or a link changed the URL: the fields follow it.
  const url = writeCatalogParams(params).toString();
  useEffect(() => setDraft(draftOf(params)), [url]);

  const field = (name: keyof Draft) => ({
    name,
    value: draft[name],
    error: errors[name],
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = readCatalogParams(new URLSearchParams(Object.entries(draft).filter(([, value]) => value.trim() !== '')));
    const problems: Partial<Draft> = {};
    if (draft.yearFrom && next.yearFrom === undefined) problems.yearFrom = 'Enter a year, e.g. 1965';
    if (draft.yearTo && next.yearTo === undefined) problems.yearTo = 'Enter a year, e.g. 2001';
    if (draft.priceMin && next.priceMin === undefined) problems.priceMin = 'Enter a price, e.g. 5 or 9.99';
    if (draft.priceMax && next.priceMax === undefined) problems.priceMax = 'Enter a price, e.g. 20';
    setErrors(problems);
    if (Object.keys(problems).length === 0) onChange({ ...params, ...next, inStock: params.inStock, sort: params.sort, page: 0 });
  };

  return (
    <form className="filters" role="search" aria-label="Search the catalog" onSubmit={submit}>
      <div className="filters__search">
        <TextField label="Search title, author or ISBN" type="search" {...field('q')} />
        <button type="submit" className="button">Search</button>
      </div>
      <details className="filters__more" open={Object.values(draft).slice(1).some(Boolean) || undefined}>
        <summary>Filters</summary>
        <div className="filters__grid">
          <TextField label="Genre" {...field('genre')} />
          <TextField label="Year from" inputMode="numeric" {...field('yearFrom')} />
          <TextField label="Year to" inputMode="numeric" {...field('yearTo')} />
          <TextField label="Price from (€)" inputMode="decimal" {...field('priceMin')} />
          <TextField label="Price to (€)" inputMode="decimal" {...field('priceMax')} />
        </div>
        <button type="submit" className="button button--secondary">Apply filters</button>
      </details>
      <div className="filters__choices">
        <SelectField
          label="Availability"
          value={params.inStock === undefined ? '' : String(params.inStock)}
          onChange={(event) => onChange({ ...params, inStock: event.target.value === '' ? undefined : event.target.value === 'true', page: 0 })}
        >
          <option value="">All books</option>
          <option value="true">In stock</option>
          <option value="false">Sold out</option>
        </SelectField>
        <SelectField label="Sort by" value={params.sort} onChange={(event) => onChange({ ...params, sort: event.target.value as Sort, page: 0 })}>
          {Object.entries(SORTS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </SelectField>
      </div>
    </form>
  );
}
