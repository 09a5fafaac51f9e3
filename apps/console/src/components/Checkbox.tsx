import { useId } from 'react';
import { ApiError } from '../api/api-error';

/**
 * A labelled checkbox, the box before its label (`Field` puts the label
 * first, as text controls want), with the API's message for its field.
 */
export function Checkbox({
  label,
  field,
  error,
  checked,
  onChange,
}: {
  label: string;
  field?: string;
  error?: unknown;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  const problem = field && error instanceof ApiError ? error.problemFor(field) : undefined;
  return (
    <div className={problem ? 'field field-invalid' : 'field'}>
      <div className="checkbox">
        <input
          type="checkbox"
          id={id}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {problem && (
        <p id={`${id}-error`} className="field-error">
          {problem}
        </p>
      )}
    </div>
  );
}
