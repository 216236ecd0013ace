import { useEffect, useState, type FormEvent } from 'react';
import { hrefTo, navigate, useRoute } from '../../routing/route.ts';

/** The longest text the API searches for. */
export const MAX_SEARCH_LENGTH = 500;

/** The search box on every page: submits to the search view. */
export function SearchBox() {
  const { view, params } = useRoute();
  const current = view === 'search' ? (params.get('q') ?? '') : '';
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) navigate(hrefTo('search', { q: text.trim() }));
  };
  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <label htmlFor="site-search">Search plans, actions, law and evidence</label>
      <div className="search-row">
        <input id="site-search" type="search" value={text} onChange={(event) => setText(event.target.value)} maxLength={MAX_SEARCH_LENGTH} autoComplete="off" />
        <button type="submit">Search</button>
      </div>
    </form>
  );
}
