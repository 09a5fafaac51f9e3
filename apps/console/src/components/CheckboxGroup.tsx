import { useId } from 'react';
import { problemsUnder } from '../api/field-problems';
import { toggled } from './checkbox-selection';

/**
 * A set of codes as ticked boxes in a fieldset named by its legend (one
 * control per code, each labelled), with what the API said of the array
 * (`field`, its path in the request body) beside it, as `Field` does for one control.
 */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  selected,
  onChange,
  labelOf,
  field,
  error,
  hint,
}: {
  legend: string;
  options: readonly T[];
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  labelOf: (code: T) => string;
  field?: string;
  error?: unknown;
  hint?: string;
}) {
  const id = useId();
  const problem = field ? problemsUnder(error, field) : undefined;
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={problem ? 'field-invalid' : undefined} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {options.map((code) => (
        <label key={code} className="checkbox">
          <input
            type="checkbox"
            name={field}
            value={code}
            checked={selected.includes(code)}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => onChange(toggled(selected, code, event.target.checked, options))}
          />
          {labelOf(code)}
        </label>
      ))}
      {problem && (
        <p id={`${id}-error`} className="field-error">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
