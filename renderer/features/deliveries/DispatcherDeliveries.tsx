// The dispatcher's Deliveries list: every open delivery with its status, the pharmacy step (ready for pickup)
// and returns. A delivery in a service city is a courier run on the dispatch board, where its courier is
// assigned (*Show on the board*); one outside them gets its courier here (compare-and-set: if someone changed
// it first, the message says who won).
import { useEffect, useState } from 'react';
import type { CourierOption, DeliveryView } from '../../../shared/api/deliveries';
import { DELIVERY_STATUS_LABEL, nextDeliveryStatuses } from '../../../shared/rules/delivery-status';
import { assignDeliveryCourier, listCouriers, updateDeliveryStatus } from '../../platform';
import { Alert, Badge, Button, Table, formatTimestamp } from '../../ui';
import type { Column } from '../../ui';
import { useDeliveries } from './use-deliveries';
import './deliveries.css';

function AssignCell({ delivery, couriers, onDone }: { delivery: DeliveryView; couriers: readonly CourierOption[]; onDone: (message: string | null) => void }) {
  const [choice, setChoice] = useState(delivery.courierId ?? '');
  const assignable = ['pharmacy_fill', 'ready_for_pickup', 'returned', 'failed'].includes(delivery.status);
  if (!assignable) return <span>{delivery.courierName ?? '—'}</span>;
  const id = `courier-${delivery.id}`;
  const assign = async () => {
    const result = await assignDeliveryCourier(delivery.id, { courierId: choice, version: delivery.version });
    onDone(result.ok ? null : result.error.message);
  };
  return (
    <span className="hc-inline-form">
      {delivery.courierName ? <span>Assigned: {delivery.courierName}</span> : null}
      <label htmlFor={id} className="hc-visually-hidden">Courier for {delivery.patientName}</label>
      <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)} className="hc-field__input">
        <option value="">Choose a courier</option>
        {couriers.map((c) => (
          <option key={c.id} value={c.id}>
            {c.displayName} ({c.activeDeliveries} active)
          </option>
        ))}
      </select>
      <Button onClick={() => void assign()} disabled={!choice || choice === delivery.courierId} aria-label={`Assign courier for ${delivery.patientName}`}>
        Assign
      </Button>
    </span>
  );
}

type BoardRef = NonNullable<DeliveryView['board']>;

function CourierCell({ delivery, couriers, onDone, onShowOnBoard }: {
  delivery: DeliveryView; couriers: readonly CourierOption[]; onDone: (message: string | null) => void; onShowOnBoard: (board: BoardRef) => void;
}) {
  const board = delivery.board;
  if (!board) return <AssignCell delivery={delivery} couriers={couriers} onDone={onDone} />;
  return (
    <span className="hc-inline-form">
      <span>{delivery.courierName ? `Assigned: ${delivery.courierName}` : 'Not assigned'}</span>
      <span className="hc-muted">On the dispatch board for {board.date}</span>
      <Button variant="quiet" onClick={() => onShowOnBoard(board)} aria-label={`Show on the dispatch board: delivery for ${delivery.patientName}`}>
        Show on the board
      </Button>
    </span>
  );
}

export function DispatcherDeliveries({ onShowOnBoard }: { onShowOnBoard: (board: BoardRef) => void }) {
  const { state, reload } = useDeliveries();
  const [couriers, setCouriers] = useState<readonly CourierOption[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    void listCouriers(controller.signal).then((r) => { if (r.ok) setCouriers(r.value); });
    return () => controller.abort();
  }, [state]);

  const done = (message: string | null) => {
    setError(message);
    reload();
  };
  const move = async (d: DeliveryView, status: 'ready_for_pickup' | 'returned') => {
    const result = await updateDeliveryStatus(d.id, { status, version: d.version });
    done(result.ok ? null : result.error.message);
  };

  const columns: Column<DeliveryView>[] = [
    { key: 'patient', header: 'Patient', rowHeader: true, render: (d) => <>{d.patientName}<br /><span className="hc-muted">{d.address.line}, {d.address.city}</span></> },
    { key: 'drug', header: 'Prescription', render: (d) => d.drugName },
    {
      key: 'status', header: 'Status',
      render: (d) => (
        <>
          <Badge tone={d.status === 'failed' ? 'danger' : d.status === 'delivered' ? 'ok' : 'info'}>{DELIVERY_STATUS_LABEL[d.status]}</Badge>
          {d.eta && d.status === 'out_for_delivery' ? <span className="hc-muted"> ETA {formatTimestamp(d.eta)}</span> : null}
          {d.attempt > 1 ? <span className="hc-muted"> · attempt {d.attempt}</span> : null}
        </>
      ),
    },
    { key: 'courier', header: 'Courier', render: (d) => <CourierCell delivery={d} couriers={couriers} onDone={done} onShowOnBoard={onShowOnBoard} /> },
    {
      key: 'actions', header: 'Actions',
      render: (d) => (
        <>
          {nextDeliveryStatuses(d.status, 'dispatcher').includes('ready_for_pickup') ? (
            <Button onClick={() => void move(d, 'ready_for_pickup')} aria-label={`Mark ready for pickup for ${d.patientName}`}>Mark ready for pickup</Button>
          ) : null}
          {nextDeliveryStatuses(d.status, 'dispatcher').includes('returned') ? (
            <Button onClick={() => void move(d, 'returned')} aria-label={`Mark returned for ${d.patientName}`}>Mark returned</Button>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <section className="hc-deliveries" aria-label="Deliveries">
      <h2>Deliveries</h2>
      {error ? <Alert>{error}</Alert> : null}
      {state.status === 'loading' ? <p className="hc-loading">Loading deliveries…</p> : null}
      {state.status === 'error' ? <Alert>{state.message}</Alert> : null}
      {state.status === 'ready' ? (
        <Table caption="Deliveries to patients' homes" columns={columns} rows={state.deliveries} rowKey={(d) => d.id} empty="No deliveries right now." />
      ) : null}
      <Button variant="quiet" onClick={reload}>Refresh</Button>
    </section>
  );
}
