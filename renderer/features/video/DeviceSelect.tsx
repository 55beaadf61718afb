// A labelled picker of one kind of media device (camera or microphone).
import { useId } from 'react';
import type { MediaDeviceOption } from '../../platform';

export interface DeviceSelectProps {
  label: string;
  options: MediaDeviceOption[];
  value: string | null;
  onChange(deviceId: string): void;
  disabled?: boolean;
}

export function DeviceSelect({ label, options, value, onChange, disabled = false }: DeviceSelectProps) {
  const id = useId();
  return (
    <div className="hc-field">
      <label className="hc-field__label" htmlFor={id}>{label}</label>
      <select id={id} className="hc-field__input" value={value ?? ''} disabled={disabled || options.length === 0} onChange={(e) => onChange(e.target.value)}>
        {options.length === 0 && <option value="">None found</option>}
        {options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
      </select>
    </div>
  );
}
