// Drug search over the formulary on the device (works offline): type a name, choose a product.
import { useMemo, useState } from 'react';
import { curatedFormulary, searchFormulary } from '../../../shared/rx/formulary';
import type { FormularyProduct } from '../../../shared/rx/formulary';
import { Badge, Button, TextField } from '../../ui';

export function DrugSearch({ onChoose, error }: { onChoose: (p: FormularyProduct) => void; error?: string | null }) {
  const [query, setQuery] = useState('');
  const hits = useMemo(() => (query.trim().length >= 2 ? searchFormulary(curatedFormulary(), query, 12) : []), [query]);
  return (
    <div className="hc-rx-search">
      <TextField label="Search drugs" hint="Name or ingredient, e.g. amoxicillin 500" value={query} onChange={(e) => setQuery(e.target.value)} error={error ?? null} autoComplete="off" />
      {query.trim().length >= 2 ? (
        <ul className="hc-list hc-rx-search__results" aria-label="Matching drugs">
          {hits.length === 0 ? <li className="hc-muted">No drug in the formulary matches.</li> : null}
          {hits.map((p) => (
            <li key={p.rxcui}>
              <Button variant="quiet" onClick={() => onChoose(p)}>
                {p.name}
              </Button>{' '}
              <span className="hc-muted hc-mono">RxNorm {p.rxcui}</span>
              {p.schedule !== 'none' ? <Badge tone="warn">Schedule {p.schedule}</Badge> : null}
              {!p.verified ? <Badge tone="neutral">Code unverified</Badge> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
