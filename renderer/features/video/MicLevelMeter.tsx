// The microphone level as a meter (0-100), so a silent or wrong microphone is noticed before the call.
import { useId } from 'react';

export function MicLevelMeter({ level }: { level: number }) {
  const labelId = useId();
  return (
    <div className="hc-mic-level">
      <span id={labelId}>Microphone level</span>
      <meter aria-labelledby={labelId} min={0} max={100} low={10} high={85} optimum={50} value={Math.round(level * 100)} />
    </div>
  );
}
