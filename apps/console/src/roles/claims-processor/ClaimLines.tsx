import { useTranslation } from 'react-i18next';
import { Money } from '../../components/Money';
import type { ClaimLine, ReasonCode } from './claim-api';
import { reasonLabel } from './reason-label';

/** The claim's flat fees: each one's kind, code, payee and amount, and once decided, what was approved of it or why it was rejected. */
export function ClaimLines({ lines, reasons }: { lines: readonly ClaimLine[]; reasons?: readonly ReasonCode[] }) {
  const { t } = useTranslation('claims-processor');
  return (
    <table>
      <caption>{t('claim.linesCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('claim.kind')}</th>
          <th scope="col">{t('claim.code')}</th>
          <th scope="col">{t('claim.payee')}</th>
          <th scope="col">{t('claim.amount')}</th>
          <th scope="col">{t('claim.lineAmoShare')}</th>
          <th scope="col">{t('claim.lineApproved')}</th>
          <th scope="col">{t('claim.lineDecision')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.kind}>
            <th scope="row">{t(`kinds.${line.kind}`, { defaultValue: line.kind })}</th>
            <td className="mono">{line.code}</td>
            <td className="mono">{line.payee}</td>
            <td>
              <Money cents={line.amountCents} />
            </td>
            <td>{line.amoShareCents !== undefined ? <Money cents={line.amoShareCents} /> : t('claim.undecided')}</td>
            <td>{line.approvedCents !== undefined ? <Money cents={line.approvedCents} /> : t('claim.undecided')}</td>
            <td>
              {line.rejection
                ? t('claim.lineRejectedValue', { reason: reasonLabel(t, line.rejection.reasonCode, reasons) })
                : line.approvedCents !== undefined
                  ? t('claim.lineApprovedValue')
                  : t('claim.undecided')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
