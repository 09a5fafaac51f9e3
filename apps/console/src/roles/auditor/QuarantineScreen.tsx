import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { PagedTable } from '../../components/PagedTable';
import { DateTime } from '../../components/When';
import type { QuarantineItem, Signer } from './ledger-api';
import { recheckQuarantined } from './quarantine-recheck';
import { LEDGER_KEYS, useLedger, useSigners } from './use-ledger';

/** New refusals are raised as they arrive: the list follows them. */
const POLL_MS = 5_000;

/**
 * The quarantine, as the alerts to handle: every message the ledger refused
 * (each raised on audit.alerts.v1), with its reason, what it claims to be,
 * and its seal re-checked here from the message the ledger kept.
 */
export function QuarantineScreen() {
  const { t } = useTranslation('auditor');
  const ledger = useLedger();
  const signers = useSigners();
  return (
    <Page title={t('quarantine.title')}>
      <p>{t('quarantine.intro')}</p>
      <ErrorAlert error={signers.error} />
      <PagedTable<QuarantineItem>
        caption={t('quarantine.caption')}
        queryKey={LEDGER_KEYS.quarantine}
        load={ledger.quarantine}
        refetchInterval={POLL_MS}
        rowKey={(item) => item.quarantineId}
        columns={[
          { header: t('quarantine.receivedAt'), cell: (item) => <DateTime iso={item.receivedAt} /> },
          {
            header: t('quarantine.reason'),
            cell: (item) => (
              <>
                <strong>{t(`quarantine.reasons.${item.reason}`, { defaultValue: item.reason })}</strong>
                <div>({item.reason})</div>
              </>
            ),
          },
          { header: t('quarantine.message'), cell: (item) => <span className="mono">{item.message}</span> },
          { header: t('quarantine.recheck'), cell: (item) => (signers.data ? <Recheck item={item} signers={signers.data} /> : '—') },
          { header: t('quarantine.place'), cell: (item) => <Received item={item} /> },
        ]}
      />
    </Page>
  );
}

function Recheck({ item, signers }: { item: QuarantineItem; signers: readonly Signer[] }) {
  const { t } = useTranslation('auditor');
  const recheck = recheckQuarantined(item, signers);
  if (recheck.kind === 'NOT_CHECKABLE') return <span>{t('quarantine.notCheckable')}</span>;
  if (recheck.kind === 'SEAL_VERIFIES') return <span>{t('quarantine.sealVerifies')}</span>;
  return (
    <span className="not-verified">
      <span aria-hidden="true">✗ </span>
      {t('quarantine.sealFails', { reason: recheck.reason })} — {recheck.agreesWithLedger ? t('quarantine.agrees') : t('quarantine.disagrees')}
      {!recheck.agreesWithLedger && <span className="mono"> {recheck.message}</span>}
    </span>
  );
}

/** Where the message came from and what it claims to be (its own, unverified words), each on its line. */
function Received({ item }: { item: QuarantineItem }) {
  const { t } = useTranslation('auditor');
  const lines = [
    item.service && t('quarantine.claimedService', { service: item.service }),
    item.entryId && t('quarantine.claimedEntry', { id: item.entryId }),
    item.streamId && t('quarantine.claimedStream', { id: item.streamId }),
    t('quarantine.placeDetail', { topic: item.topic, partition: item.partition, offset: item.offset, size: item.rawSize }),
    `SHA-256 ${item.rawSha256}`,
  ].filter(Boolean);
  return (
    <>
      {lines.map((line) => (
        <div key={String(line)} className="mono">
          {line}
        </div>
      ))}
    </>
  );
}
