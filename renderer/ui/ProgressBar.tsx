// A labelled progress bar (role="progressbar" with aria-valuenow/max); indeterminate when the total is unknown.
export interface ProgressBarProps {
  label: string;
  value: number;
  max: number;
  /** Read out instead of the bare number, e.g. "1,200 of 4,000 records". */
  valueText?: string;
  className?: string;
}

export function ProgressBar({ label, value, max, valueText, className }: ProgressBarProps) {
  const known = max > 0;
  const clamped = known ? Math.min(Math.max(value, 0), max) : 0;
  const percent = known ? Math.round((clamped / max) * 100) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={known ? max : undefined}
      aria-valuenow={known ? clamped : undefined}
      aria-valuetext={valueText}
      className={['hc-progress', known ? '' : 'hc-progress--indeterminate', className ?? ''].filter(Boolean).join(' ')}
    >
      <div className="hc-progress__bar" style={known ? { width: `${percent}%` } : undefined} />
    </div>
  );
}
