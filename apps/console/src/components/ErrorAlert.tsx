import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';

/**
 * What the API said when it refused: its message, each bad field with its
 * own message, and the code (for support). Announced to screen readers.
 */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const api = error instanceof ApiError ? error : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-title">{t('errorTitle')}</p>
      <p>{message}</p>
      {api && api.fieldProblems.length > 0 && (
        <ul>
          {api.fieldProblems.map((problem) => (
            <li key={`${problem.field}-${problem.code}`}>{t('errorField', { field: problem.field, message: problem.message })}</li>
          ))}
        </ul>
      )}
      {api && <p className="alert-code">{t('errorCode', { code: api.code })}</p>}
    </div>
  );
}
