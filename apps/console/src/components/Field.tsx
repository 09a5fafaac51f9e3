import { useId, type ReactElement, cloneElement } from 'react';
import { ApiError } from '../api/api-error';

/**
 * A labelled form control, with the API's message for this field beside it
 * when the last answer named it (`field`: its path in the request body, as
 * API.md's 400 details give it). The control gets the id, the description
 * and aria-invalid.
 */
export function Field({
  label,
  field,
  error,
  hint,
  children,
}: {
  label: string;
  field?: string;
  error?: unknown;
  hint?: string;
  children: ReactElement<Record<string, unknown>>;
}) {
  const id = useId();
  const problem = field && error instanceof ApiError ? error.problemFor(field) : undefined;
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={problem ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': problem ? true : undefined })}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-error`} className="field-error">
          {problem}
        </p>
      )}
    </div>
  );
}
